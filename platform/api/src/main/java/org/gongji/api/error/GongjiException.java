package org.gongji.api.error;

/** A refusal with a stable {@link ErrorCode}; nothing has been booked when it is thrown. */
public class GongjiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public GongjiException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
