package io.github.kalturareport.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/** Checks shared by every Kaltura response: the status, the error shapes, small bodies. */
public final class Responses {

    /** An error or session body is small; anything larger is not one. */
    public static final int SMALL_BODY_LIMIT = 1 << 20;

    private Responses() {
    }

    /**
     * Throws for a status other than 200: {@link RetryableException} for 429, 502, 503 and 504 (with Retry-After),
     * {@link HttpStatusException} for the rest.
     */
    public static void checkStatus(ClassicHttpResponse response, String what) throws IOException {
        int status = response.getCode();
        if (status == 200) {
            return;
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            throw new RetryableException("HTTP " + status + " " + reason(response) + " from " + what,
                    retryAfter(response).orElse(null));
        }
        if (status >= 300 && status < 400) {
            Header location = response.getFirstHeader("Location");
            throw new HttpStatusException(status, "HTTP " + status + " from " + what + ": the service URL redirects"
                    + (location == null ? "" : " to " + stripQuery(location.getValue()))
                    + "; set serviceUrl to the address it redirects to (a POST with a KS is not sent on by redirect).");
        }
        throw new HttpStatusException(status, "HTTP " + status + " " + reason(response) + " from " + what
                + (status == 404 ? ": check serviceUrl, it must be the Kaltura API's base URL without /api_v3."
                        : status == 407 ? ": the proxy wants credentials; check the proxy's username and password."
                                : ": check serviceUrl and the network path to it."));
    }

    private static String reason(ClassicHttpResponse response) {
        return response.getReasonPhrase() == null ? "" : response.getReasonPhrase();
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Retry-After in seconds or as an HTTP date. */
    public static Optional<Duration> retryAfter(ClassicHttpResponse response) {
        Header h = response.getFirstHeader("Retry-After");
        if (h == null || h.getValue() == null) {
            return Optional.empty();
        }
        String v = h.getValue().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                        .toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    /** The error from {@code X-Kaltura} headers, if any. */
    public static Optional<ApiError> headerError(ClassicHttpResponse response) {
        Header x = response.getFirstHeader("X-Kaltura");
        Header app = response.getFirstHeader("X-Kaltura-App");
        return ApiErrorParser.fromHeaders(x == null ? null : x.getValue(), app == null ? null : app.getValue());
    }

    /** Reads a body of at most {@link #SMALL_BODY_LIMIT} bytes; null when there is no entity. */
    public static byte[] smallBody(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(SMALL_BODY_LIMIT + 1);
            if (bytes.length > SMALL_BODY_LIMIT) {
                throw new IOException("an answer larger than " + SMALL_BODY_LIMIT + " bytes where a small one was due");
            }
            return bytes;
        }
    }

    /** Whether the bytes start like JSON or XML (after whitespace), so that they are an API answer, not a CSV. */
    public static boolean looksLikeJson(byte[] head, int length) {
        int i = skipSpace(head, length);
        return i < length && (head[i] == '{' || head[i] == '[');
    }

    public static boolean looksLikeXml(byte[] head, int length) {
        int i = skipSpace(head, length);
        return i < length && head[i] == '<';
    }

    private static int skipSpace(byte[] head, int length) {
        int i = 0;
        while (i < length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** Parses an API error from a small JSON or XML body; empty when the body is neither or holds no error. */
    public static Optional<ApiError> bodyError(byte[] body) {
        try {
            if (looksLikeJson(body, body.length)) {
                return ApiErrorParser.fromJson(body);
            }
            if (looksLikeXml(body, body.length)) {
                return ApiErrorParser.fromXml(body);
            }
        } catch (IOException unreadable) {
            // not an error in a shape we know
        }
        return Optional.empty();
    }
}
