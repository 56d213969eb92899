package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.internal.auth.KsV2;
import io.github.kalturareport.core.internal.auth.Login;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to authenticate: an admin secret (a short-lived least-privilege KS is made from it locally), a ready KS, or an
 * app token. {@link #toString()} never shows a secret.
 */
public final class Credentials {

    /** The kinds of credentials. */
    public enum Kind {
        ADMIN_SECRET, KS, APP_TOKEN
    }

    /** Hash types Kaltura accepts for an app token. */
    public static final List<String> HASH_TYPES = List.of("SHA1", "SHA256", "SHA512", "MD5");

    private final Kind kind;
    private final String secret;
    private final String appTokenId;
    private final String hashType;

    private Credentials(Kind kind, String secret, String appTokenId, String hashType) {
        this.kind = kind;
        this.secret = secret;
        this.appTokenId = appTokenId;
        this.hashType = hashType;
    }

    /** The partner's admin secret; a least-privilege KS is made from it locally (no network call). */
    public static Credentials adminSecret(String secret) {
        return new Credentials(Kind.ADMIN_SECRET, requireText(secret, "admin secret"), null, null);
    }

    /** A ready Kaltura Session. It cannot be renewed, so it must outlive the run. */
    public static Credentials ks(String ks) {
        return new Credentials(Kind.KS, requireText(ks, "KS"), null, null);
    }

    /**
     * An app token.
     *
     * @param hashType SHA1, SHA256, SHA512 or MD5 (case-insensitive); null or blank means SHA256
     */
    public static Credentials appToken(String id, String token, String hashType) {
        String type = hashType == null || hashType.isBlank() ? "SHA256" : hashType.trim().toUpperCase(Locale.ROOT);
        if (!HASH_TYPES.contains(type)) {
            // The value of a hash type is no secret, so naming it is safe.
            throw new IllegalArgumentException("Unknown app token hash type '" + hashType + "': use one of "
                    + String.join(", ", HASH_TYPES) + ".");
        }
        return new Credentials(Kind.APP_TOKEN, requireText(token, "app token"), requireText(id, "app token id").trim(),
                type);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is empty.");
        }
        return value.trim();
    }

    public Kind kind() {
        return kind;
    }

    /** The admin secret, the KS or the app token, depending on {@link #kind()}. */
    String secret() {
        return secret;
    }

    /** The app token id (not a secret); null unless an app token. */
    public String appTokenId() {
        return appTokenId;
    }

    /** The app token's hash type; null unless an app token. */
    public String hashType() {
        return hashType;
    }

    /** For a ready KS, the partner id it names; -1 otherwise or when it cannot be read. */
    public int partnerIdOfKs() {
        return kind == Kind.KS ? KsV2.partnerIdOf(secret) : -1;
    }

    /** What the session code signs in with; only the fetch in this package hands the secret on. */
    Login login() {
        return new Login(Login.Method.valueOf(kind.name()), secret, appTokenId, hashType);
    }

    /** A description without any secret, e.g. for the manifest: {@code adminSecret}, {@code ks}, {@code appToken}. */
    public String mode() {
        return switch (kind) {
            case ADMIN_SECRET -> "adminSecret";
            case KS -> "ks";
            case APP_TOKEN -> "appToken";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials other && other.kind == kind && other.secret.equals(secret)
                && Objects.equals(other.appTokenId, appTokenId) && Objects.equals(other.hashType, hashType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, secret, appTokenId);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ADMIN_SECRET -> "Credentials[admin secret ****]";
            case KS -> "Credentials[KS ****]";
            case APP_TOKEN -> "Credentials[app token " + appTokenId + " ****, " + hashType + "]";
        };
    }
}
