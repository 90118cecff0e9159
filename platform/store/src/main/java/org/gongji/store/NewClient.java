package org.gongji.store;

import java.time.Instant;

/**
 * What {@link ClientDirectory#create} is asked for.
 *
 * @param expiresAt optional
 */
public record NewClient(String name, Role role, String region, String institutionId, Instant expiresAt) {

    public static NewClient of(String name, Role role, String region, String institutionId) {
        return new NewClient(name, role, region, institutionId, null);
    }
}
