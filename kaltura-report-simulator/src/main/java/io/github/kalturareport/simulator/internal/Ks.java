package io.github.kalturareport.simulator.internal;

import java.util.Map;

/**
 * A decoded Kaltura Session.
 *
 * @param version    1 or 2
 * @param partnerId  the partner the KS names
 * @param expiry     Unix seconds; expired when {@code expiry <= now}
 * @param type       0 USER, 2 ADMIN
 * @param userId     the user id, possibly empty
 * @param privileges privilege name to value ({@code *} for {@code all=*})
 */
public record Ks(int version, int partnerId, long expiry, int type, String userId, Map<String, String> privileges) {
}
