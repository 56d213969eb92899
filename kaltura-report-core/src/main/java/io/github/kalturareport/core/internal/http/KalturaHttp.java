package io.github.kalturareport.core.internal.http;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.internal.Version;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of a fetch: Apache HttpClient 5 (classic API) over a connection pool of the size given (a
 * little over the fetch's concurrency), explicit timeouts, optional proxy and extra trust. Every API v3 call is a POST
 * with a form body, so the KS travels in the body and never in a URL; a Reports microservice call is a POST with a
 * JSON body and the KS in {@code Authorization: Bearer}, never in a URL either; {@code format=1} asks for JSON errors;
 * {@code clientTag} and the {@code User-Agent} name the library and its version. HttpClient's own retries and
 * redirects are off: retries are the fetch's job (they must restart the whole window), and a redirect of a POST
 * carrying a KS is refused.
 */
public final class KalturaHttp implements Closeable {

    public static final String USER_AGENT = "kaltura-report/" + Version.VALUE + " (Java " + Runtime.version().feature()
            + ")";
    public static final String CLIENT_TAG = "kaltura-report:" + Version.VALUE;

    private final CloseableHttpClient client;
    private final URI serviceUrl;

    public KalturaHttp(HttpSettings settings) throws ConfigurationException {
        this.serviceUrl = settings.baseUri();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(QuietConnections.factory())
                .setMaxConnTotal(settings.poolSize())
                .setMaxConnPerRoute(settings.poolSize())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeout().toMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeout().toMillis()))
                        .build())
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(
                        TrustStores.sslContext(settings.trustStore(), settings.trustStorePassword()),
                        null))
                .build();
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .setRedirectsEnabled(false)
                        .build())
                .setUserAgent(USER_AGENT)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                // The body is streamed through validation as it arrives; Kaltura sends it plain.
                .disableContentCompression();
        HttpSettings.Proxy proxy = settings.proxy();
        if (proxy != null) {
            HttpHost proxyHost = new HttpHost(proxy.host(), proxy.port());
            builder.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                    return proxy.bypass().test(target.getHostName()) ? null : proxyHost;
                }
            });
            if (proxy.username() != null && !proxy.username().isBlank()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost), new UsernamePasswordCredentials(proxy.username(),
                        proxy.password() == null ? new char[0] : proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        this.client = builder.build();
    }

    /** {@code <serviceUrl>/api_v3/service/<service>/action/<action>}. */
    public URI actionUri(String service, String action) {
        return URI.create(serviceUrl + "/api_v3/service/" + service + "/action/" + action);
    }

    /**
     * POSTs a form to a service action. {@code format=1} and {@code clientTag} are added.
     *
     * @param ks null for an action that needs none
     */
    public <T> T post(String service, String action, String ks, List<NameValuePair> form,
            HttpClientResponseHandler<T> handler) throws IOException {
        HttpPost post = new HttpPost(actionUri(service, action));
        List<NameValuePair> body = new ArrayList<>();
        if (ks != null) {
            body.add(new BasicNameValuePair("ks", ks));
        }
        body.add(new BasicNameValuePair("format", "1"));
        body.add(new BasicNameValuePair("clientTag", CLIENT_TAG));
        body.addAll(form);
        post.setEntity(new UrlEncodedFormEntity(body, StandardCharsets.UTF_8));
        return client.execute(post, handler);
    }

    /**
     * POSTs a JSON body to a URL of another Kaltura service over the same pool, proxy and trust: the Reports
     * microservice, which reads the KS from {@code Authorization: Bearer} only.
     */
    public <T> T postJson(URI url, String bearerKs, byte[] json, HttpClientResponseHandler<T> handler)
            throws IOException {
        HttpPost post = new HttpPost(url);
        post.setHeader("Authorization", "Bearer " + bearerKs);
        post.setHeader("Accept", "application/json, text/csv");
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return client.execute(post, handler);
    }

    /** Closes at once, aborting any download still running (after a failure elsewhere, nothing waits for it). */
    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
