package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.TransportException;
import io.github.kalturareport.core.internal.auth.SessionProvider;
import io.github.kalturareport.core.internal.files.AtomicFiles;
import io.github.kalturareport.core.internal.files.ManifestWriter;
import io.github.kalturareport.core.internal.http.HttpSettings;
import io.github.kalturareport.core.internal.http.KalturaHttp;
import io.github.kalturareport.core.internal.http.Redactor;
import io.github.kalturareport.core.internal.window.AssembledReport;
import io.github.kalturareport.core.internal.window.ReportAssembler;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fetch: every report's windows run on a bounded pool; this thread alone coordinates — it splits a window that
 * hit the row cap into halves, keeps the finished windows in chronological order, and once all are in, assembles,
 * validates and commits the files and the manifest. Any failure cancels the rest and removes every temp file.
 */
final class FetchRun {

    private final FetchSettings settings;
    private final FetchListener listener;
    private final Redactor redactor = new Redactor();
    private final List<Path> temps = Collections.synchronizedList(new ArrayList<>());
    private final Map<ReportDefinition, ReportState> states = new LinkedHashMap<>();

    /** What is known of one report while its windows come in. */
    private static final class ReportState {
        final TreeMap<Long, WindowFetcher.Result> done = new TreeMap<>();
        final long startNanos = System.nanoTime();
        long endNanos;
        int windows;
        int retries;
        /** Rows of finished windows; written by the coordinating thread, read by workers for progress. */
        volatile long rows;
        /** Rows streamed so far by this report's windows still in flight. */
        final AtomicLong streaming = new AtomicLong();
    }

    FetchRun(FetchSettings settings, FetchListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    FetchResult run() throws KalturaReportException {
        Path dir = settings.output().directory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigurationException("outputDirectory", "Cannot create the output directory " + dir + " ("
                    + e + "): check outputDirectory and its permissions.");
        }
        Limits limits = settings.limits();
        ExecutorService pool = Executors.newFixedThreadPool(limits.concurrency(), daemonThreads());
        List<AssembledReport> assembled = new ArrayList<>();
        try (KalturaHttp http = new KalturaHttp(httpSettings(settings))) {
            SessionProvider sessions = new SessionProvider(settings.credentials().login(), settings.partnerId(),
                    limits.sessionLifetime(), settings.clock(), http, redactor);
            RetryPolicy retryPolicy = new RetryPolicy(limits.maxRetries(), limits.retryBaseDelay(),
                    limits.retryMaxDelay(), () -> ThreadLocalRandom.current().nextDouble());
            for (ReportDefinition report : settings.query().reports()) {
                states.put(report, new ReportState());
            }
            WindowFetcher fetcher = new WindowFetcher(settings, http, sessions, retryPolicy, redactor, listener,
                    this::rowsStreamed);
            fetchAllWindows(pool, fetcher);
            for (ReportDefinition report : settings.query().reports()) {
                assembled.add(assemble(report));
            }
            List<ReportSummary> summaries = commit(assembled);
            Path manifest = ManifestWriter.write(dir, Manifest.of(settings, summaries, assembled, states(),
                    requests()));
            for (ReportSummary s : summaries) {
                listener.reportDone(s);
            }
            return new FetchResult(summaries, manifest);
        } catch (IOException e) {
            throw new TransportException(redactor.scrub("Cannot write the reports to " + dir + ": " + e.getMessage()
                    + ". Check outputDirectory, its permissions and the free disk space."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("The fetch was interrupted; nothing was saved.");
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (temps) {
                temps.forEach(AtomicFiles::deleteQuietly);
            }
            for (AssembledReport a : assembled) {
                AtomicFiles.deleteQuietly(a.temp());
            }
        }
    }

    private Map<ReportDefinition, List<WindowFetcher.Result>> states() {
        Map<ReportDefinition, List<WindowFetcher.Result>> windows = new LinkedHashMap<>();
        states.forEach((report, state) -> windows.put(report, new ArrayList<>(state.done.values())));
        return windows;
    }

    private Map<ReportDefinition, Integer> requests() {
        Map<ReportDefinition, Integer> requests = new LinkedHashMap<>();
        states.forEach((report, state) -> requests.put(report, state.windows));
        return requests;
    }

    private void fetchAllWindows(ExecutorService pool, WindowFetcher fetcher)
            throws KalturaReportException, InterruptedException, IOException {
        CompletionService<WindowFetcher.Result> completion = new ExecutorCompletionService<>(pool);
        int pending = 0;
        DateRange range = settings.query().range();
        Window whole = new Window(range.fromEpochSecond(), range.toEpochSecond());
        for (ReportDefinition report : settings.query().reports()) {
            submit(completion, fetcher, report, whole);
            pending++;
        }
        while (pending > 0) {
            Future<WindowFetcher.Result> future = completion.take();
            pending--;
            WindowFetcher.Result result;
            try {
                result = future.get();
            } catch (ExecutionException e) {
                throw unwrap(e.getCause());
            }
            ReportState state = states.get(result.report());
            state.windows++;
            state.retries += result.retries();
            int rowCap = settings.limits().rowCap();
            if (result.outcome().rows() >= rowCap) {
                AtomicFiles.deleteQuietly(result.part());
                if (!result.window().splittable()) {
                    throw new KalturaReportException("Report " + result.report().name() + " (" + result.report().id()
                            + ") has " + rowCap + " rows or more in the single second "
                            + result.window().fromInstant() + "; Kaltura returns at most " + rowCap
                            + " rows per request, so it cannot be fetched completely. Narrow it with filters ("
                            + ReportQuery.names(result.report().filters().keySet()) + "). Nothing was saved.");
                }
                submit(completion, fetcher, result.report(), result.window().firstHalf());
                submit(completion, fetcher, result.report(), result.window().secondHalf());
                pending += 2;
                continue;
            }
            state.done.put(result.window().from(), result);
            state.rows += result.outcome().rows();
            state.endNanos = System.nanoTime();
            listener.rowsSoFar(result.report(), state.rows);
        }
    }

    /** Progress of the windows in flight: called from worker threads, so only thread-safe state is touched. */
    private void rowsStreamed(ReportDefinition report, long delta) {
        ReportState state = states.get(report);
        long inFlight = state.streaming.addAndGet(delta);
        if (delta > 0) {
            listener.rowsSoFar(report, state.rows + inFlight);
        }
    }

    private void submit(CompletionService<WindowFetcher.Result> completion, WindowFetcher fetcher,
            ReportDefinition report, Window window) throws IOException {
        Path part = AtomicFiles.tempFor(settings.output().directory().resolve(report.fileName() + ".part"));
        temps.add(part);
        completion.submit(() -> fetcher.fetch(report, window, part));
    }

    private static KalturaReportException unwrap(Throwable cause) throws InterruptedException {
        if (cause instanceof KalturaReportException k) {
            return k;
        }
        if (cause instanceof InterruptedException i) {
            throw i;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new TransportException("The fetch failed: " + cause, cause);
    }

    private AssembledReport assemble(ReportDefinition report) throws KalturaReportException, IOException {
        List<ReportAssembler.Piece> pieces = new ArrayList<>();
        for (WindowFetcher.Result r : states.get(report).done.values()) {
            pieces.add(new ReportAssembler.Piece(r.part(), r.outcome()));
        }
        OutputSettings output = settings.output();
        ReportAssembler assembler = new ReportAssembler(report, settings.query().expectedColumns(report),
                output.descriptiveHeaders(), output.lenient());
        AssembledReport a = assembler.assemble(pieces, output.directory().resolve(report.fileName()));
        for (WindowFetcher.Result r : states.get(report).done.values()) {
            AtomicFiles.deleteQuietly(r.part());
        }
        return a;
    }

    private List<ReportSummary> commit(List<AssembledReport> assembled) throws IOException {
        List<ReportSummary> summaries = new ArrayList<>();
        for (AssembledReport a : assembled) {
            AtomicFiles.commit(a.temp(), a.target());
        }
        int i = 0;
        for (ReportDefinition report : settings.query().reports()) {
            AssembledReport a = assembled.get(i++);
            ReportState s = states.get(report);
            for (String w : a.warnings()) {
                listener.warning(w);
            }
            summaries.add(new ReportSummary(report, a.target(), a.rows(), s.done.size(), s.retries,
                    Duration.ofNanos(Math.max(0, s.endNanos - s.startNanos)), a.warnings()));
        }
        return summaries;
    }

    /** What the HTTP layer needs from the public settings. */
    static HttpSettings httpSettings(FetchSettings settings) {
        Endpoint endpoint = settings.endpoint();
        ProxySettings proxy = endpoint.proxy();
        // A spare connection over the requests in flight, so that none waits for one still being released.
        return new HttpSettings(endpoint.serviceUrl(), settings.limits().concurrency() + 1,
                endpoint.connectTimeout(), endpoint.responseTimeout(), proxy == null ? null
                        : new HttpSettings.Proxy(proxy.host(), proxy.port(), proxy.username(), proxy.password(),
                                proxy::bypasses),
                endpoint.trustStore(), endpoint.trustStorePassword());
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "kaltura-report-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
