package org.gongji.loadgen.cluster;

/** What a check found that it must not find. */
final class CheckFailed extends RuntimeException {
    CheckFailed(String message) {
        super(message);
    }

    static void unless(boolean holds, String message) {
        if (!holds) {
            throw new CheckFailed(message);
        }
    }
}
