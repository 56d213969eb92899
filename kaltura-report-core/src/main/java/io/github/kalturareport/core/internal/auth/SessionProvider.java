package io.github.kalturareport.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.KalturaApiException;
import io.github.kalturareport.core.internal.http.ApiError;
import io.github.kalturareport.core.internal.http.ApiErrorException;
import io.github.kalturareport.core.internal.http.KalturaHttp;
import io.github.kalturareport.core.internal.http.Redactor;
import io.github.kalturareport.core.internal.http.Responses;
import io.github.kalturareport.core.internal.http.RetryableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * Gives the KS for each request and renews it before it expires. From an admin secret it makes a least-privilege KS
 * locally (admin type, the run's session lifetime, {@code urirestrict} to the report action and, when a Reports
 * microservice report is fetched, the microservice's report paths — never {@code *}; {@code virtualeventid} with the
 * event ids asked for, separated by {@code /}); from
 * an app token it starts a session (widget session, token hash, {@code appToken.startSession}); a ready KS is used as
 * given. Every KS it handles is registered with the {@link Redactor}.
 */
public final class SessionProvider {

    /** The path prefix the KS is restricted to. */
    public static final String REPORT_ACTION_PATH = "/api_v3/service/report/action/getCsvFromStringParams";
    /** The Reports microservice's paths (generate, serve), added only when one of its reports is fetched. */
    public static final String REPORTS_SERVICE_PATH = "/api/v1/report/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Login login;
    private final int partnerId;
    private final Duration lifetime;
    private final Clock clock;
    private final KalturaHttp http;
    private final Redactor redactor;
    private final Map<String, String> privileges;

    private String current;
    private Instant renewAt = Instant.MIN;
    private int sessionsStarted;

    /**
     * @param clock the run's clock (the system clock outside tests): a KS expires {@code lifetime} after its now
     */
    public SessionProvider(Login login, int partnerId, Duration lifetime, Clock clock, KalturaHttp http,
            Redactor redactor) {
        this(login, partnerId, lifetime, clock, http, redactor, false, List.of());
    }

    /**
     * @param reportsService  whether the KS must also reach the Reports microservice's paths
     * @param virtualEventIds the virtual events the KS may read (the {@code virtualeventid} privilege); may be empty
     */
    public SessionProvider(Login login, int partnerId, Duration lifetime, Clock clock, KalturaHttp http,
            Redactor redactor, boolean reportsService, List<String> virtualEventIds) {
        this.privileges = privileges(reportsService, virtualEventIds);
        this.login = login;
        this.partnerId = partnerId;
        this.lifetime = lifetime;
        this.clock = clock;
        this.http = http;
        this.redactor = redactor;
        redactor.add(login.secret());
        if (login.method() == Login.Method.KS) {
            current = login.secret();
            renewAt = Instant.MAX;
        }
    }

    /** Whether a new KS can be had when the current one expires (not for a ready KS). */
    public boolean renewable() {
        return login.method() != Login.Method.KS;
    }

    /** How many sessions were made or started so far (for tests and the log). */
    public synchronized int sessionsStarted() {
        return sessionsStarted;
    }

    /** A KS valid for a while yet; renewed when four fifths of its lifetime are gone. */
    public synchronized String ks() throws IOException, KalturaApiException {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(renewAt)) {
            Instant expiry = now.plus(lifetime);
            current = switch (login.method()) {
                case ADMIN_SECRET -> KsV2.make(login.secret(), partnerId, KsV2.TYPE_ADMIN, "",
                        expiry, privileges);
                case APP_TOKEN -> startAppTokenSession();
                case KS -> login.secret();
            };
            redactor.add(current);
            renewAt = now.plus(lifetime.multipliedBy(4).dividedBy(5));
            sessionsStarted++;
        }
        return current;
    }

    /** The privileges of a KS made from an admin secret, in a fixed order. */
    static Map<String, String> privileges(boolean reportsService, List<String> virtualEventIds) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("urirestrict", REPORT_ACTION_PATH + "*" + (reportsService ? "|" + REPORTS_SERVICE_PATH + "*" : ""));
        if (!virtualEventIds.isEmpty()) {
            p.put("virtualeventid", String.join("/", virtualEventIds));
        }
        return Collections.unmodifiableMap(p);
    }

    /** Forgets a KS the server called expired, so that the next {@link #ks()} makes a new one. */
    public synchronized void expired(String ks) {
        if (renewable() && ks.equals(current)) {
            current = null;
        }
    }

    private String startAppTokenSession() throws IOException, KalturaApiException {
        JsonNode widget = call("session", "startWidgetSession", null,
                List.of(new BasicNameValuePair("widgetId", "_" + partnerId)));
        String widgetKs = text(widget, "ks", "session.startWidgetSession");
        redactor.add(widgetKs);
        String tokenHash = hash(login.hashType(), widgetKs + login.secret());
        redactor.add(tokenHash);
        JsonNode session = call("appToken", "startSession", widgetKs, List.of(
                new BasicNameValuePair("id", login.appTokenId()),
                new BasicNameValuePair("tokenHash", tokenHash),
                new BasicNameValuePair("expiry", Long.toString(lifetime.toSeconds()))));
        // startSession answers a session info object; tolerate a bare KS string as well
        return session.isTextual() ? session.asText() : text(session, "ks", "appToken.startSession");
    }

    private JsonNode call(String service, String action, String ks, List<NameValuePair> form)
            throws IOException, KalturaApiException {
        String what = service + "." + action;
        try {
            byte[] body = http.post(service, action, ks, form, response -> {
                Responses.checkStatus(response, what);
                byte[] bytes = Responses.smallBody(response);
                Optional<ApiError> error = bytes.length == 0 ? Responses.headerError(response)
                        : Responses.bodyError(bytes);
                if (error.isPresent()) {
                    throw new ApiErrorException(error.get());
                }
                if (bytes.length == 0) {
                    throw new RetryableException("an empty answer from " + what, null);
                }
                return bytes;
            });
            return JSON.readTree(body);
        } catch (ApiErrorException e) {
            throw io.github.kalturareport.core.internal.http.ApiErrorMessages.toException(e.error(),
                    "starting an app token session (" + what + ")", partnerId, -1, redactor);
        }
    }

    private String text(JsonNode node, String field, String what) throws IOException {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IOException(what + " answered without a " + field);
        }
        return value.asText();
    }

    /** Hex of the hash of the text, with the app token's hash type. */
    static String hash(String hashType, String text) {
        String algorithm = switch (hashType) {
            case "SHA1" -> "SHA-1";
            case "SHA512" -> "SHA-512";
            case "MD5" -> "MD5";
            default -> "SHA-256";
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime lacks " + algorithm, e);
        }
    }
}
