package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.report.Region;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The server a fetch talks to and how it is reached: the API base URL, an optional proxy, extra trusted
 * certificates and the timeouts. Immutable; change one value with a {@code with…} method. {@link #toString()} never
 * shows a password.
 */
public final class Endpoint {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** The server allows 600 s per report request; a little more so that its own timeout answers first. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(630);

    private final URI serviceUrl;
    private final ProxySettings proxy;
    private final Path trustStore;
    private final char[] trustStorePassword;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final URI reportsServiceUrl;

    private Endpoint(URI serviceUrl, ProxySettings proxy, Path trustStore, char[] trustStorePassword,
            Duration connectTimeout, Duration responseTimeout, URI reportsServiceUrl) {
        this.serviceUrl = Objects.requireNonNull(serviceUrl, "serviceUrl");
        this.reportsServiceUrl = reportsServiceUrl;
        this.proxy = proxy;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword == null ? null : trustStorePassword.clone();
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /**
     * An API base URL such as {@code https://www.kaltura.com} or {@code http://127.0.0.1:8080}, direct, with the
     * system's trust and the default timeouts. A trailing {@code /api_v3} is tolerated.
     */
    public static Endpoint of(URI serviceUrl) {
        return new Endpoint(serviceUrl, null, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT,
                null);
    }

    /** A Kaltura SaaS region's API, and its Reports microservice where known (US). */
    public static Endpoint of(Region region) {
        return of(region.baseUrl()).withReportsServiceUrl(region.reportsServiceUrl().orElse(null));
    }

    /**
     * The base URL of the Reports microservice (chat and collaboration reports), e.g.
     * {@code https://reports.nvp1.ovp.kaltura.com}; null when unknown, which is refused only when such a report is
     * asked for.
     */
    public Endpoint withReportsServiceUrl(URI value) {
        return new Endpoint(serviceUrl, proxy, trustStore, trustStorePassword, connectTimeout, responseTimeout,
                value);
    }

    /** The Reports microservice's base URL (no trailing slash once validated); null when unknown. */
    public URI reportsServiceUrl() {
        return reportsServiceUrl;
    }

    /** Through this proxy; null for none. */
    public Endpoint withProxy(ProxySettings value) {
        return new Endpoint(serviceUrl, value, trustStore, trustStorePassword, connectTimeout, responseTimeout,
                reportsServiceUrl);
    }

    /** Extra trusted certificates (PEM or PKCS#12), added to the system's, for a server behind a private CA. */
    public Endpoint withTrustStore(Path path, char[] password) {
        return new Endpoint(serviceUrl, proxy, path, password, connectTimeout, responseTimeout, reportsServiceUrl);
    }

    public Endpoint withConnectTimeout(Duration value) {
        return new Endpoint(serviceUrl, proxy, trustStore, trustStorePassword, value, responseTimeout,
                reportsServiceUrl);
    }

    /** The longest wait for data from the server; default 630 s (the server allows 600 s per report). */
    public Endpoint withResponseTimeout(Duration value) {
        return new Endpoint(serviceUrl, proxy, trustStore, trustStorePassword, connectTimeout, value,
                reportsServiceUrl);
    }

    /** The API base URL; once validated by the settings, without {@code /api_v3} and without a trailing slash. */
    public URI serviceUrl() {
        return serviceUrl;
    }

    /** Null when no proxy is set. */
    public ProxySettings proxy() {
        return proxy;
    }

    /** Null when only the system trust store is used. */
    public Path trustStore() {
        return trustStore;
    }

    /** A copy; null when none was given. */
    public char[] trustStorePassword() {
        return trustStorePassword == null ? null : trustStorePassword.clone();
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** The service URL checked and reduced to its base: scheme, authority and path without {@code /api_v3}. */
    Endpoint withBaseUrl() throws ConfigurationException {
        URI base;
        try {
            String scheme = serviceUrl.getScheme() == null ? "" : serviceUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || serviceUrl.getHost() == null
                    || serviceUrl.getRawQuery() != null || serviceUrl.getRawFragment() != null
                    || serviceUrl.getRawUserInfo() != null) {
                throw new URISyntaxException(serviceUrl.toString(), "not a plain http(s) base URL");
            }
            String path = serviceUrl.getRawPath() == null ? "" : serviceUrl.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.endsWith("/api_v3")) {
                path = path.substring(0, path.length() - "/api_v3".length());
            }
            base = new URI(scheme + "://" + serviceUrl.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            throw badServiceUrl(serviceUrl.toString());
        }
        URI reports = reportsServiceUrl == null ? null : plainBase(reportsServiceUrl);
        if (reportsServiceUrl != null && reports == null) {
            throw new ConfigurationException("reportsServiceUrl", "Bad reportsServiceUrl '" + reportsServiceUrl
                    + "': write the Reports microservice's base URL such as https://reports.nvp1.ovp.kaltura.com"
                    + " (no path such as /api/v1, no query).");
        }
        return new Endpoint(base, proxy, trustStore, trustStorePassword, connectTimeout, responseTimeout, reports);
    }

    /** {@code scheme://authority[/path]} without a trailing slash, or null when not a plain http(s) URL. */
    private static URI plainBase(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null || url.getRawQuery() != null
                || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            return null;
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/api/v1/report") || path.endsWith("/api/v1")) {
            return null;
        }
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }

    /** Checks the timeouts, the proxy and the trust store. */
    void validateConnection() throws ConfigurationException {
        Checks.requirePositive("connectTimeout", connectTimeout);
        Checks.requirePositive("responseTimeout", responseTimeout);
        if (proxy != null) {
            if (proxy.host() == null || proxy.host().isBlank()) {
                throw new ConfigurationException("proxy", "The proxy has no host: set its host name.");
            }
            Checks.requireRange("proxy", proxy.port(), 1, 65535);
        }
        if (trustStore != null && !Files.isReadable(trustStore)) {
            throw new ConfigurationException("trustStore", "The trust store " + trustStore
                    + " does not exist or cannot be read: give the path of a PEM or PKCS#12 file.");
        }
    }

    private static ConfigurationException badServiceUrl(String value) {
        return new ConfigurationException("serviceUrl", "Bad serviceUrl '" + value + "': write the API's base URL "
                + "such as https://www.kaltura.com or http://127.0.0.1:8080 (no /api_v3, no query).");
    }

    @Override
    public String toString() {
        return "Endpoint[serviceUrl=" + serviceUrl + ", proxy=" + proxy + ", trustStore=" + trustStore
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", reportsServiceUrl=" + reportsServiceUrl + "]";
    }
}
