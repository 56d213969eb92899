package io.github.kalturareport.simulator;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An application token the simulated partner has: {@code appToken.startSession} accepts
 * {@code tokenHash = hex(HASH(widgetKs + token))} with this hash type.
 *
 * @param id       the token's id
 * @param token    the token's secret value
 * @param hashType SHA1, SHA256, SHA512 or MD5
 * @param expiry   Unix seconds after which the token is expired; 0 for never
 */
public record AppToken(String id, String token, String hashType, long expiry) {
    private static final Set<String> HASH_TYPES = Set.of("SHA1", "SHA256", "SHA512", "MD5");

    public AppToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        hashType = hashType == null ? "SHA256" : hashType.trim().toUpperCase(Locale.ROOT);
        if (!HASH_TYPES.contains(hashType)) {
            throw new IllegalArgumentException("Unknown app token hash type '" + hashType
                    + "': use SHA1, SHA256, SHA512 or MD5.");
        }
        if (id.isBlank() || token.isBlank()) {
            throw new IllegalArgumentException("An app token needs a non-empty id and token.");
        }
    }

    /** The JDK's name of the hash ({@code SHA-256}). */
    public String jdkAlgorithm() {
        return hashType.equals("MD5") ? "MD5" : "SHA-" + hashType.substring(3);
    }

    @Override
    public String toString() {
        return "AppToken[id=" + id + ", hashType=" + hashType + ", expiry=" + expiry + "]";
    }
}
