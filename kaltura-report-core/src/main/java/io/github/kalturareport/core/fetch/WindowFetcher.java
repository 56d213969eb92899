package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.DataValidationException;
import io.github.kalturareport.core.KalturaApiException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.TransportException;
import io.github.kalturareport.core.internal.auth.SessionProvider;
import io.github.kalturareport.core.internal.http.ApiError;
import io.github.kalturareport.core.internal.http.ApiErrorException;
import io.github.kalturareport.core.internal.http.ApiErrorMessages;
import io.github.kalturareport.core.internal.http.HttpStatusException;
import io.github.kalturareport.core.internal.http.KalturaHttp;
import io.github.kalturareport.core.internal.http.Redactor;
import io.github.kalturareport.core.internal.http.ReportRequest;
import io.github.kalturareport.core.internal.http.Responses;
import io.github.kalturareport.core.internal.http.RetryableException;
import io.github.kalturareport.core.internal.privacy.ColumnPolicy;
import io.github.kalturareport.core.internal.privacy.Pseudonymizer;
import io.github.kalturareport.core.internal.window.SessionSample;
import io.github.kalturareport.core.internal.window.WindowProcessor.MalformedCsvException;
import io.github.kalturareport.core.internal.window.WindowProcessor.TruncatedBodyException;
import io.github.kalturareport.core.internal.window.WindowProcessor.UnwantedColumnsException;
import io.github.kalturareport.core.internal.window.WindowProcessor;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.PersonalData;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * Fetches one window of one report into a part file, retrying what is transient: 429/502/503/504, resets,
 * timeouts, bodies cut short, empty answers and {@code DRUID_QUERY_TIMED_OUT}; an expired KS is renewed once.
 * Permanent errors fail at once.
 */
final class WindowFetcher {

    /** Told how many rows a window in flight has streamed; a negative delta takes back rows of a failed try. */
    @FunctionalInterface
    interface StreamProgress {
        void rowsStreamed(ReportDefinition report, long delta);
    }

    /** What a window gave; {@code sample} is the sessions its rows name, or null when none was asked for. */
    record Result(ReportDefinition report, Window window, Path part, WindowProcessor.Outcome outcome, int retries,
            SessionSample sample) {
    }

    private final FetchSettings settings;
    private final KalturaHttp http;
    private final SessionProvider sessions;
    private final RetryPolicy retryPolicy;
    private final Redactor redactor;
    private final FetchListener listener;
    private final StreamProgress progress;
    /** Null unless a column is pseudonymised. */
    private final Pseudonymizer pseudonymizer;

    WindowFetcher(FetchSettings settings, KalturaHttp http, SessionProvider sessions, RetryPolicy retryPolicy,
            Redactor redactor, FetchListener listener, StreamProgress progress) {
        this.settings = settings;
        this.http = http;
        this.sessions = sessions;
        this.retryPolicy = retryPolicy;
        this.redactor = redactor;
        this.listener = listener;
        this.progress = progress;
        byte[] key = settings.pseudonymKey();
        if (key != null) {
            redactor.add(new String(key, StandardCharsets.UTF_8)); // the key is a secret like the others
            this.pseudonymizer = new Pseudonymizer(key);
            Arrays.fill(key, (byte) 0);
        } else {
            this.pseudonymizer = null;
        }
    }

    /** What happens to the report's personal columns while it streams. */
    private ColumnPolicy columnPolicy(ReportDefinition report) {
        PersonalData personal = settings.personalData();
        List<String> pseudonymized = personal.columnsIn(report, PersonalData.Mode.PSEUDONYMIZE);
        return new ColumnPolicy(personal.columnsIn(report, PersonalData.Mode.DROP), pseudonymized,
                pseudonymized.isEmpty() ? null : pseudonymizer);
    }

    /** The form fields of the request: the report id, its params and any columns left out. */
    static List<NameValuePair> form(ReportDefinition report, String params, List<String> excluded) {
        List<NameValuePair> form = new ArrayList<>(List.of(
                new BasicNameValuePair("id", Integer.toString(report.id())),
                new BasicNameValuePair("params", params)));
        if (!excluded.isEmpty()) {
            form.add(new BasicNameValuePair("excludedFields", String.join(",", excluded)));
        }
        return form;
    }

    /**
     * Fetches one window with the filters given (a request for room data takes only the filters room data
     * accepts); {@code sampling} gives a fresh sample for each try, or null when none is wanted.
     */
    Result fetch(ReportDefinition report, Map<Filter, List<String>> filters, Window window, Path part,
            Supplier<SessionSample> sampling) throws KalturaReportException, InterruptedException {
        listener.windowStarted(report, window.fromInstant(), window.toInstant());
        ColumnPolicy personal = columnPolicy(report);
        WindowProcessor processor = new WindowProcessor(report, settings.query().expectedColumns(report),
                settings.output().descriptiveHeaders(), settings.query().range().zone(), personal);
        String what = "fetching report " + report.label() + " for " + window.fromInstant()
                + ".." + window.toInstant();
        String params = ReportRequest.params(report, filters, window.from(), window.to());
        int retries = 0;
        boolean renewed = false;
        while (true) {
            String ks = null;
            String reason;
            Duration retryAfter = null;
            long[] streamed = {0};
            SessionSample sample = sampling == null ? null : sampling.get();
            try {
                ks = sessions.ks();
                WindowProcessor.Outcome outcome = http.post("report", "getCsvFromStringParams", ks,
                        form(report, params, personal.dropped()),
                        response -> read(response, processor, part, what, rows -> {
                            progress.rowsStreamed(report, rows - streamed[0]);
                            streamed[0] = rows;
                        }, sample));
                return new Result(report, window, part, outcome, retries, sample);
            } catch (ApiErrorException e) {
                ApiError error = e.error();
                if (error.code().equals("DRUID_QUERY_TIMED_OUT")) {
                    reason = "Kaltura's analytics store timed out (DRUID_QUERY_TIMED_OUT)";
                } else if (error.code().equals("INVALID_KS") && error.message().contains("EXPIRED")
                        && sessions.renewable() && !renewed && ks != null) {
                    sessions.expired(ks);
                    renewed = true;
                    retries++;
                    listener.retrying(report, "the KS expired; renewing it", retries, Duration.ZERO);
                    continue;
                } else {
                    throw ApiErrorMessages.toException(error, what, settings.partnerId(), report.id(), redactor);
                }
            } catch (RetryableException e) {
                reason = redactor.scrub(e.getMessage());
                retryAfter = e.retryAfter();
            } catch (TruncatedBodyException e) {
                reason = "the download was cut short (" + e.getMessage() + ")";
            } catch (MalformedCsvException e) {
                throw new DataValidationException("Report " + report.label() + ": the server's "
                        + "answer for " + window.fromInstant() + ".." + window.toInstant() + " is not a readable CSV: "
                        + redactor.scrub(e.getMessage()) + ". Nothing was saved.",
                        List.of(redactor.scrub(e.getMessage())));
            } catch (UnwantedColumnsException e) {
                throw new DataValidationException("Report " + report.label() + ": "
                        + e.getMessage() + " (personalData=drop sends them as excludedFields). Nothing was saved: "
                        + "the server ignored the request to leave them out, so no file would be free of them.",
                        List.of(e.getMessage()));
            } catch (HttpStatusException e) {
                throw new TransportException(redactor.scrub(e.getMessage()) + " (while " + what + ")");
            } catch (KalturaApiException e) {
                throw e;
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted while " + what);
                }
                Optional<String> transientReason = transientReason(e);
                if (transientReason.isEmpty()) {
                    String fix = e instanceof SSLException
                            ? ". If the server's certificate comes from a private CA, give it as trustStore (PEM or "
                                    + "PKCS#12); check serviceUrl."
                            : ". Check serviceUrl, the proxy settings and the network.";
                    throw new TransportException(redactor.scrub("Cannot reach Kaltura at "
                            + settings.endpoint().serviceUrl() + " while " + what + ": " + describe(e) + fix));
                }
                reason = redactor.scrub(transientReason.get());
            } finally {
                // The rows of this try are either counted with the finished window or discarded with it.
                progress.rowsStreamed(report, -streamed[0]);
            }
            retries++;
            if (!retryPolicy.allows(retries)) {
                throw new TransportException("Gave up " + what + " after " + (retries - 1) + " retries; the last "
                        + "failure: " + reason + ". Try again later, or raise maxRetries.");
            }
            Duration delay = retryPolicy.delay(retries, retryAfter);
            listener.retrying(report, reason, retries, delay);
            Thread.sleep(delay.toMillis());
        }
    }

    /** Reads a report response: an error in any of its shapes, or a CSV streamed through the processor. */
    private static WindowProcessor.Outcome read(ClassicHttpResponse response, WindowProcessor processor, Path part,
            String what, LongConsumer progress, SessionSample sample) throws IOException {
        Responses.checkStatus(response, what);
        HttpEntity entity = response.getEntity();
        InputStream raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
        BufferedInputStream body = new BufferedInputStream(raw, 1 << 16);
        body.mark(16);
        byte[] head = body.readNBytes(16);
        body.reset();
        if (head.length == 0) {
            Optional<ApiError> error = Responses.headerError(response);
            if (error.isPresent()) {
                throw new ApiErrorException(error.get());
            }
            throw new RetryableException("an empty answer (HTTP 200 without a body or error header)", null);
        }
        String contentType = entity.getContentType() == null ? "" : entity.getContentType().toLowerCase(Locale.ROOT);
        boolean bom = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF;
        if (!bom && (contentType.contains("json") || contentType.contains("xml")
                || Responses.looksLikeJson(head, head.length) || Responses.looksLikeXml(head, head.length))) {
            byte[] bytes = readSmall(body);
            Optional<ApiError> error = Responses.bodyError(bytes);
            if (error.isPresent()) {
                throw new ApiErrorException(error.get());
            }
            if (contentType.contains("html") || Responses.looksLikeXml(head, head.length)) {
                throw new RetryableException("an HTML or XML page instead of a report (a proxy's error page?)", null);
            }
            throw new HttpStatusException(200, "An answer that is neither a report nor an API error ("
                    + (contentType.isEmpty() ? "no content type" : contentType) + ") from " + what
                    + ": check that serviceUrl points at a Kaltura API");
        }
        return processor.process(body, part, progress, sample);
    }

    private static byte[] readSmall(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(Responses.SMALL_BODY_LIMIT + 1);
        if (bytes.length > Responses.SMALL_BODY_LIMIT) {
            throw new IOException("an unexpectedly large non-CSV answer");
        }
        return bytes;
    }

    /** Why an I/O failure is worth retrying, or empty when it is not. */
    static Optional<String> transientReason(IOException e) {
        if (e instanceof UnknownHostException || e instanceof SSLException || e instanceof NoRouteToHostException) {
            return Optional.empty();
        }
        if (e instanceof ConnectionClosedException || e instanceof TruncatedChunkException
                || e instanceof MalformedChunkCodingException) {
            return Optional.of("the download was cut short (" + describe(e) + ")");
        }
        if (e instanceof NoHttpResponseException) {
            return Optional.of("the server closed the connection without answering");
        }
        if (e instanceof InterruptedIOException) {
            return Optional.of("a timeout (" + describe(e) + ")");
        }
        if (e instanceof SocketException) {
            return Optional.of("a network error (" + describe(e) + ")");
        }
        return Optional.empty();
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
