package io.github.kalturareport.core.internal.auth;

import java.util.Objects;

/**
 * What the session code needs to sign in: the public {@code Credentials} hands it over, so this layer never depends
 * on the API's types. {@link #toString()} never shows the secret.
 *
 * @param method     how the secret is used
 * @param secret     the admin secret, the KS or the app token
 * @param appTokenId the app token id (not a secret); null unless {@link Method#APP_TOKEN}
 * @param hashType   the app token's hash type (SHA1, SHA256, SHA512 or MD5); null unless {@link Method#APP_TOKEN}
 */
public record Login(Method method, String secret, String appTokenId, String hashType) {

    /** The ways to sign in. */
    public enum Method {
        ADMIN_SECRET, KS, APP_TOKEN
    }

    public Login {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "Login[" + method + (appTokenId == null ? "" : " " + appTokenId) + " ****]";
    }
}
