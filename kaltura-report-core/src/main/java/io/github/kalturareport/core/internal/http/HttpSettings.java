package io.github.kalturareport.core.internal.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What {@link KalturaHttp} needs to know, and no more: the fetch's public settings stay out of this layer.
 * {@link #toString()} never shows a password.
 *
 * @param baseUri            the API base URL, without {@code /api_v3} and without a trailing slash
 * @param poolSize           connections kept at most, in total and to the one host
 * @param connectTimeout     the longest wait for a connection
 * @param responseTimeout    the longest silence from the server
 * @param proxy              null when every host is reached directly
 * @param trustStore         extra trusted certificates (PEM or PKCS#12); null for the system's trust only
 * @param trustStorePassword the PKCS#12 password; may be null
 */
public record HttpSettings(URI baseUri, int poolSize, Duration connectTimeout, Duration responseTimeout, Proxy proxy,
        Path trustStore, char[] trustStorePassword) {

    public HttpSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        trustStorePassword = trustStorePassword == null ? null : trustStorePassword.clone();
    }

    /** A copy; null when none was given. */
    @Override
    public char[] trustStorePassword() {
        return trustStorePassword == null ? null : trustStorePassword.clone();
    }

    @Override
    public String toString() {
        return "HttpSettings[" + baseUri + ", pool " + poolSize + ", connect " + connectTimeout + ", response "
                + responseTimeout + ", proxy " + proxy + ", trustStore " + trustStore + "]";
    }

    /**
     * An HTTP proxy.
     *
     * @param host     the proxy's host
     * @param port     the proxy's port
     * @param username null when the proxy needs no authentication
     * @param password null when the proxy needs no authentication
     * @param bypass   true for a target host reached without the proxy
     */
    public record Proxy(String host, int port, String username, String password, Predicate<String> bypass) {

        public Proxy {
            Objects.requireNonNull(host, "host");
            bypass = bypass == null ? target -> false : bypass;
        }

        @Override
        public String toString() {
            return host + ":" + port + (username == null ? "" : " (user " + username + " ****)");
        }
    }
}
