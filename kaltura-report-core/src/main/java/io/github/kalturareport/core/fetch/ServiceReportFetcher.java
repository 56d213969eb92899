package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.DataValidationException;
import io.github.kalturareport.core.KalturaApiException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.TransportException;
import io.github.kalturareport.core.internal.auth.SessionProvider;
import io.github.kalturareport.core.internal.http.KalturaHttp;
import io.github.kalturareport.core.internal.http.Redactor;
import io.github.kalturareport.core.internal.http.RetryableException;
import io.github.kalturareport.core.internal.privacy.ColumnPolicy;
import io.github.kalturareport.core.internal.reports.ReportsServiceClient;
import io.github.kalturareport.core.internal.reports.ServiceHttpException;
import io.github.kalturareport.core.internal.reports.ServiceStatus;
import io.github.kalturareport.core.internal.window.WindowProcessor;
import io.github.kalturareport.core.internal.window.WindowProcessor.MalformedCsvException;
import io.github.kalturareport.core.internal.window.WindowProcessor.TruncatedBodyException;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Fetches one report of the Reports microservice into a part file: {@code generate}, then {@code serve} polled with
 * backoff until {@code completed} (up to reportTimeout), then the CSV streamed through the same validation as an
 * API v3 window. Every call is retried like a window on 429/502/503/504, resets, timeouts and bodies cut short; a
 * 401 renews a KS made by the library once. Anything else, a failed status or the timeout ends it with a message
 * naming the report, the status and the fix; the caller then removes the part, so no file appears.
 */
final class ServiceReportFetcher {

    /** The longest wait between two polls of {@code serve}. */
    static final Duration MAX_POLL_DELAY = Duration.ofSeconds(30);

    private final FetchSettings settings;
    private final SessionProvider sessions;
    private final RetryPolicy retryPolicy;
    private final Redactor redactor;
    private final FetchListener listener;
    private final WindowFetcher.StreamProgress progress;
    private final Function<ReportDefinition, ColumnPolicy> columnPolicy;
    private final ReportsServiceClient client;
    private final URI serviceUrl;
    /** Unknown statuses already said: each is logged once per run. */
    private final Set<String> unknownStatuses = ConcurrentHashMap.newKeySet();

    ServiceReportFetcher(FetchSettings settings, KalturaHttp http, SessionProvider sessions, RetryPolicy retryPolicy,
            Redactor redactor, FetchListener listener, WindowFetcher.StreamProgress progress,
            Function<ReportDefinition, ColumnPolicy> columnPolicy) {
        this.settings = settings;
        this.sessions = sessions;
        this.retryPolicy = retryPolicy;
        this.redactor = redactor;
        this.listener = listener;
        this.progress = progress;
        this.columnPolicy = columnPolicy;
        this.serviceUrl = settings.endpoint().reportsServiceUrl();
        this.client = new ReportsServiceClient(http, serviceUrl, redactor);
    }

    /** One call of the service, given the KS. */
    @FunctionalInterface
    private interface Call<T> {
        T run(String ks) throws IOException;
    }

    WindowFetcher.Result fetch(ReportDefinition report, Map<Filter, List<String>> filters, Window window, Path part)
            throws KalturaReportException, InterruptedException {
        listener.windowStarted(report, window.fromInstant(), window.toInstant());
        ColumnPolicy personal = columnPolicy.apply(report);
        WindowProcessor processor = new WindowProcessor(report, List.of(), settings.output().descriptiveHeaders(),
                settings.query().range().zone(), personal);
        byte[] body = ReportsServiceClient.generateBody(report.serviceReportName().orElseThrow(),
                lists(report, filters), day(window.from()), day(window.to()), report.fromDateKey(),
                report.toDateKey());
        int[] retries = {0};
        long started = System.nanoTime();
        String sessionId = call(report, "generate", null, ks -> client.generate(ks, body), retries);
        awaitCompleted(report, sessionId, started, retries);
        long[] streamed = {0};
        WindowProcessor.Outcome outcome;
        try {
            outcome = call(report, "download", sessionId, ks -> {
                try {
                    return client.download(ks, sessionId, in -> processor.process(in, part, rows -> {
                        progress.rowsStreamed(report, rows - streamed[0]);
                        streamed[0] = rows;
                    }, null));
                } finally {
                    progress.rowsStreamed(report, -streamed[0]);
                    streamed[0] = 0;
                }
            }, retries);
        } catch (MalformedCsvWrapper e) {
            throw new DataValidationException("Report " + report.label() + ": the Reports microservice's CSV is not"
                    + " readable: " + redactor.scrub(e.getCause().getMessage()) + ". Nothing was saved.",
                    List.of(redactor.scrub(e.getCause().getMessage())));
        }
        return new WindowFetcher.Result(report, window, part, outcome, retries[0], null);
    }

    /** A whole UTC day of the service's {@code from_date_id}/{@code to_date_id}. */
    private static LocalDate day(long epochSecond) {
        return LocalDate.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** Each filter's ids under the report's key ({@code entries_ids}, {@code virtual_event_ids}). */
    private static Map<String, List<String>> lists(ReportDefinition report, Map<Filter, List<String>> filters) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        report.filters().forEach((filter, key) -> lists.put(key, filters.getOrDefault(filter, List.of())));
        return lists;
    }

    /** Polls {@code serve} with a doubling delay until {@code completed}, a failed status or reportTimeout. */
    private void awaitCompleted(ReportDefinition report, String sessionId, long started, int[] retries)
            throws KalturaReportException, InterruptedException {
        Duration timeout = settings.limits().reportTimeout();
        long deadline = started + timeout.toNanos();
        Duration cap = settings.limits().retryMaxDelay().compareTo(MAX_POLL_DELAY) < 0
                ? settings.limits().retryMaxDelay() : MAX_POLL_DELAY;
        Duration delay = settings.limits().retryBaseDelay().compareTo(cap) < 0
                ? settings.limits().retryBaseDelay() : cap;
        while (true) {
            String status = call(report, "serve (status)", sessionId, ks -> client.status(ks, sessionId), retries);
            switch (ServiceStatus.of(status)) {
                case COMPLETED:
                    return;
                case FAILED:
                    throw new KalturaApiException(status, Map.of("sessionId", sessionId), "Report " + report.label()
                            + ": the Reports microservice ended its session " + sessionId + " with the status '"
                            + redactor.scrub(status) + "'; nothing was saved. Try again later; if it fails again,"
                            + " fetch a shorter range or fewer rooms (entryIds, virtualEventIds).");
                case UNKNOWN:
                    if (unknownStatuses.add(status)) {
                        listener.warning(report.name() + ": the Reports microservice answered the status '"
                                + redactor.scrub(status) + "', which this version does not know; it is polled on"
                                + " until 'completed' (reportTimeout " + timeout + ").");
                    }
                    break;
                default:
                    break;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TransportException("Report " + report.label() + " was still '" + redactor.scrub(status)
                        + "' after reportTimeout " + timeout + " (session " + sessionId + "); nothing was saved."
                        + " Raise reportTimeout, or fetch a shorter range or fewer rooms (entryIds, virtualEventIds).");
            }
            Thread.sleep(Math.max(1, Math.min(delay.toMillis(), left / 1_000_000 + 1)));
            delay = delay.multipliedBy(2).compareTo(cap) > 0 ? cap : delay.multipliedBy(2);
        }
    }

    /** Carries a malformed CSV out of the retry loop: retrying the same bytes would not help. */
    private static final class MalformedCsvWrapper extends KalturaReportException {
        private static final long serialVersionUID = 1L;

        MalformedCsvWrapper(MalformedCsvException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Runs one call with the current KS, retrying what is transient (each call has its own retries, as each window
     * request has), renewing a KS made by the library once on HTTP 401.
     */
    private <T> T call(ReportDefinition report, String step, String sessionId, Call<T> call, int[] retries)
            throws KalturaReportException, InterruptedException {
        String what = "the Reports microservice's " + step + " for report " + report.label();
        int attempt = 0;
        boolean renewed = false;
        while (true) {
            String ks = null;
            String reason;
            Duration retryAfter = null;
            try {
                ks = sessions.ks();
                return call.run(ks);
            } catch (ServiceHttpException e) {
                if (e.status() == 401 && sessions.renewable() && !renewed && ks != null) {
                    sessions.expired(ks);
                    renewed = true;
                    retries[0]++;
                    listener.retrying(report, "the Reports microservice refused the KS (HTTP 401); renewing it",
                            retries[0], Duration.ZERO);
                    continue;
                }
                throw failure(report, step, sessionId, e);
            } catch (RetryableException e) {
                reason = redactor.scrub(e.getMessage());
                retryAfter = e.retryAfter();
            } catch (TruncatedBodyException e) {
                reason = "the download was cut short (" + e.getMessage() + ")";
            } catch (MalformedCsvException e) {
                throw new MalformedCsvWrapper(e);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted while calling " + what);
                }
                Optional<String> transientReason = WindowFetcher.transientReason(e);
                if (transientReason.isEmpty()) {
                    throw new TransportException(redactor.scrub("Cannot use the Reports microservice at " + serviceUrl
                            + " (" + step + " for report " + report.label() + "): " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + ". Check reportsServiceUrl, the proxy settings and the network. Nothing was saved."));
                }
                reason = redactor.scrub(transientReason.get());
            }
            attempt++;
            retries[0]++;
            if (!retryPolicy.allows(attempt)) {
                throw new TransportException("Gave up on " + what + " after " + (attempt - 1) + " retries; the last"
                        + " failure: " + reason + ". Nothing was saved. Try again later, or raise maxRetries.");
            }
            Duration delay = retryPolicy.delay(attempt, retryAfter);
            listener.retrying(report, reason, retries[0], delay);
            Thread.sleep(delay.toMillis());
        }
    }

    /** A final HTTP status as a message naming the report, the status and the fix. */
    private KalturaReportException failure(ReportDefinition report, String step, String sessionId,
            ServiceHttpException e) {
        String head = "Report " + report.label() + ": the Reports microservice answered " + e.getMessage()
                + " to " + step + (sessionId == null ? "" : " of session " + sessionId) + "; nothing was saved. ";
        String code = e.code().isEmpty() ? "HTTP_" + e.status() : e.code();
        Map<String, String> args = sessionId == null ? Map.of() : Map.of("sessionId", sessionId);
        switch (e.status()) {
            case 401:
                return new KalturaApiException(code, args, head + "It did not accept the KS (missing, malformed,"
                        + " wrongly signed or expired): check the credentials and partnerId; a ready KS must be"
                        + " valid for this partner and not expired.");
            case 403:
                return new KalturaApiException(code, args, head + "The KS lacks a privilege the service needs: a KS"
                        + " made from the admin secret carries them (urirestrict to " + SessionProvider
                                .REPORTS_SERVICE_PATH + "*, virtualeventid of virtualEventIds); a ready KS or an app"
                        + " token must grant them too. Check virtualEventIds and the KS's privileges.");
            case 404:
                if (sessionId != null) {
                    return new KalturaApiException(code, args, head + "The service does not know the session, or"
                            + " its result has expired. Fetch again; if it keeps happening, check reportsServiceUrl.");
                }
                return new TransportException(head + "Check reportsServiceUrl: it must be the Reports"
                        + " microservice's base URL, such as https://reports.nvp1.ovp.kaltura.com (no path).");
            case 400:
                return new KalturaApiException(code, args, head + "The service refused the request: check the"
                        + " report, the filters (entryIds, virtualEventIds) and the range.");
            default:
                return new TransportException(head + (e.status() >= 300 && e.status() < 400
                        ? "Set reportsServiceUrl to the address it redirects to."
                        : "Try again later; if it persists, check reportsServiceUrl."));
        }
    }
}
