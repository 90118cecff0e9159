package org.gongji.api.spi.account;

import org.gongji.api.region.Citation;

/** Whether the account may pay for a relation and purpose, and the clause that says so. */
public record AccountUseDecision(boolean allowed, String reason, Citation citation) {

    public static AccountUseDecision allowed(String reason, Citation citation) {
        return new AccountUseDecision(true, reason, citation);
    }

    public static AccountUseDecision refused(String reason, Citation citation) {
        return new AccountUseDecision(false, reason, citation);
    }
}
