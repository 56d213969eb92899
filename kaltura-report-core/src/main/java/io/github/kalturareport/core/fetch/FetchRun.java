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
import io.github.kalturareport.core.internal.window.SessionSample;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
import java.util.function.Supplier;

/**
 * One fetch: every report's windows run on a bounded pool; this thread alone coordinates. When the range of a report
 * whose rows hang off sessions (attendees) hits the row cap, it is planned from room data (this run's rooms report,
 * or a request of its own made beside it) into windows under the cap, sent all at once. Any other window that hits
 * the cap is split: where the start times of its rows say, or in halves. The finished windows are kept in
 * chronological order; once all are in, the files and the manifest are assembled, validated and committed. Any
 * failure cancels the rest and removes every temp file.
 */
final class FetchRun {

    private final FetchSettings settings;
    private final FetchListener listener;
    private final Redactor redactor = new Redactor();
    private final List<Path> temps = Collections.synchronizedList(new ArrayList<>());
    private final Map<ReportDefinition, ReportState> states = new LinkedHashMap<>();

    /** What is known of one report while its windows come in. */
    private static final class ReportState {
        final ReportDefinition report;
        final Map<Filter, List<String>> filters;
        /** False for room data fetched only to plan another report's windows: it is read, never saved. */
        final boolean saved;
        final TreeMap<Long, WindowFetcher.Result> done = new TreeMap<>();
        final long startNanos = System.nanoTime();
        long endNanos;
        int requests;
        long rowsServed;
        int retries;
        int inFlight;
        /** How its windows were planned from room data (manifest.json); empty until its range hit the cap. */
        final Map<String, Object> planning = new LinkedHashMap<>();
        /** The reason room data fetched for planning failed, or null. */
        String failure;
        /** One request per virtual event, its windows keyed by the event's position rather than by start time. */
        boolean perEvent;
        /** The key in {@code done} of the next window to hand to the archive: every earlier one is there. */
        long nextToArchive;
        /** Rows of finished windows; written by the coordinating thread, read by workers for progress. */
        volatile long rows;
        /** Rows streamed so far by this report's windows still in flight. */
        final AtomicLong streaming = new AtomicLong();

        ReportState(ReportDefinition report, Map<Filter, List<String>> filters, boolean saved) {
            this.report = report;
            this.filters = filters;
            this.saved = saved;
        }
    }

    /** A window on the pool, and the report it belongs to. */
    private final Map<Future<WindowFetcher.Result>, ReportState> inFlight = new HashMap<>();
    /** A per-event request on the pool, and its event's position in virtualEventIds (its place in the file). */
    private final Map<Future<WindowFetcher.Result>, Integer> eventOrder = new HashMap<>();
    /** Null unless a Reports microservice report is fetched. */
    private ServiceReportFetcher serviceFetcher;
    /** Room data to plan from: this run's rooms report, or a request of its own; null when no report needs it. */
    private ReportState roomData;
    /** Ranges that hit the cap, waiting for room data to be planned. */
    private final List<Map.Entry<ReportState, Window>> waiting = new ArrayList<>();

    /** The run's archive, or null. */
    private final ArchiveSync archive;
    /** Loads the windows into the archive while the fetch goes on; null without an archive. */
    private ArchiveWriter archiveWriter;

    /** @param archive the archive's side, already prepared (its range in {@code settings}), or null */
    FetchRun(FetchSettings settings, FetchListener listener, ArchiveSync archive) {
        this.settings = settings;
        this.listener = listener;
        this.archive = archive;
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
        archiveWriter = archive == null ? null : archive.writer();
        try (KalturaHttp http = new KalturaHttp(httpSettings(settings))) {
            List<String> events = settings.query().filters().getOrDefault(Filter.VIRTUAL_EVENT_IDS, List.of());
            boolean service = settings.query().reports().stream().anyMatch(ReportDefinition::isServiceReport);
            SessionProvider sessions = new SessionProvider(settings.credentials().login(), settings.partnerId(),
                    limits.sessionLifetime(), settings.clock(), http, redactor, service, events);
            RetryPolicy retryPolicy = new RetryPolicy(limits.maxRetries(), limits.retryBaseDelay(),
                    limits.retryMaxDelay(), () -> ThreadLocalRandom.current().nextDouble());
            for (ReportDefinition report : settings.query().reports()) {
                states.put(report, new ReportState(report, settings.query().filters(), true));
            }
            WindowFetcher fetcher = new WindowFetcher(settings, http, sessions, retryPolicy, redactor, listener,
                    this::rowsStreamed);
            if (service) {
                serviceFetcher = new ServiceReportFetcher(settings, http, sessions, retryPolicy, redactor, listener,
                        this::rowsStreamed, fetcher::columnPolicy);
            }
            fetchAllWindows(pool, fetcher);
            for (ReportDefinition report : settings.query().reports()) {
                if (archiveWriter != null) {
                    archiveWriter.await(report); // its windows' files are read until then
                }
                assembled.add(assemble(report));
            }
            // The archive commits before the files do: if that fails, nothing is saved.
            Map<String, Object> archived = archiveWriter == null ? null
                    : archiveWriter.commit(settings, assembled.stream().map(AssembledReport::columns).toList());
            List<ReportSummary> summaries = commit(assembled);
            Path manifest = ManifestWriter.write(dir, Manifest.of(settings, summaries, assembled, states(),
                    planning(), archived));
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
            if (archiveWriter != null) {
                archiveWriter.close(); // stops loading before the files go; rolls back unless committed
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

    private Map<ReportDefinition, Map<String, Object>> planning() {
        Map<ReportDefinition, Map<String, Object>> planning = new HashMap<>();
        for (ReportState state : states.values()) {
            if (state.report.rowPerAttendee() && roomData != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("roomData", roomData.saved ? "this run's " + roomData.report.name() + " report"
                        : "a request of its own");
                p.put("roomDataRequests", roomData.requests);
                p.put("roomDataRowsServed", roomData.rowsServed);
                p.put("plannedWindows", 0);
                p.putAll(state.planning);
                planning.put(state.report, p);
            }
        }
        return planning;
    }

    /** Every report's whole range goes out at once; what hits the cap is planned or split as it comes back. */
    private void fetchAllWindows(ExecutorService pool, WindowFetcher fetcher)
            throws KalturaReportException, InterruptedException, IOException {
        CompletionService<WindowFetcher.Result> completion = new ExecutorCompletionService<>(pool);
        DateRange range = settings.query().range();
        Window whole = new Window(range.fromEpochSecond(), range.toEpochSecond());
        for (ReportState state : states.values()) {
            state.nextToArchive = whole.from();
            if (state.report.isServiceReport()) {
                submitService(completion, state, whole);
            } else if (state.report.wholeRange() && state.report.filters().containsKey(Filter.VIRTUAL_EVENT_IDS)) {
                state.perEvent = true;
                state.nextToArchive = 0;
                submitPerEvent(completion, fetcher, state, whole);
            } else {
                submit(completion, fetcher, state, whole);
            }
        }
        while (!inFlight.isEmpty()) {
            Future<WindowFetcher.Result> future = completion.take();
            ReportState state = inFlight.remove(future);
            Integer event = eventOrder.remove(future);
            state.inFlight--;
            try {
                finished(completion, fetcher, state, future.get(), event);
            } catch (ExecutionException e) {
                if (state.saved || !(e.getCause() instanceof KalturaReportException failure)) {
                    throw unwrap(e.getCause());
                }
                state.failure = failure.getMessage();
            }
            if (!waiting.isEmpty() && (roomData.inFlight == 0 || roomData.failure != null)) {
                for (Map.Entry<ReportState, Window> w : waiting) {
                    plan(completion, fetcher, w.getKey(), w.getValue());
                }
                waiting.clear();
            }
        }
    }

    /**
     * Room data to plan from: this run's rooms report when it fetches one, otherwise a request of its own for the
     * same range with the filters room data takes, made the first time a range needs it.
     */
    private void needRoomData(CompletionService<WindowFetcher.Result> completion, WindowFetcher fetcher)
            throws IOException {
        if (roomData != null) {
            return;
        }
        roomData = states.get(ReportDefinition.ROOMS);
        if (roomData == null) {
            Map<Filter, List<String>> filters = new LinkedHashMap<>(settings.query().filters());
            filters.keySet().retainAll(ReportDefinition.ROOMS.filters().keySet());
            roomData = new ReportState(ReportDefinition.ROOMS, filters, false);
            DateRange range = settings.query().range();
            submit(completion, fetcher, roomData, new Window(range.fromEpochSecond(), range.toEpochSecond()));
        }
    }

    /** A window came back: kept, or split when it hit the row cap. */
    private void finished(CompletionService<WindowFetcher.Result> completion, WindowFetcher fetcher,
            ReportState state, WindowFetcher.Result result, Integer event) throws KalturaReportException, IOException {
        state.requests++;
        state.retries += result.retries();
        state.rowsServed += result.outcome().rows();
        if (state.failure != null) {
            AtomicFiles.deleteQuietly(result.part());
            return;
        }
        int rowCap = settings.limits().rowCap();
        if (result.outcome().rows() >= rowCap && !state.report.isServiceReport()) {
            AtomicFiles.deleteQuietly(result.part());
            if (state.report.wholeRange()) {
                // Its rows are totals over the range: windows would count a user once per window.
                throw new KalturaReportException("Report " + state.report.label() + " has " + rowCap + " rows or"
                        + " more for one virtual event, the most Kaltura returns per request; its rows are totals"
                        + " over the range, so it is never split into windows and cannot be fetched completely."
                        + " Narrow it with entryIds (fewer rooms per fetch). Nothing was saved.");
            }
            if (!result.window().splittable()) {
                throw new KalturaReportException("Report " + result.report().name() + " (" + result.report().id()
                        + ") has " + rowCap + " rows or more in the single second "
                        + result.window().fromInstant() + "; Kaltura returns at most " + rowCap
                        + " rows per request, so it cannot be fetched completely. Narrow it with filters ("
                        + ReportQuery.names(result.report().filters().keySet()) + "). Nothing was saved.");
            }
            if (state.report.rowPerAttendee() && !state.planning.containsKey("plannedWindows")) {
                state.planning.put("plannedWindows", 0); // planned once: a planned window that hits the cap is split
                needRoomData(completion, fetcher);
                waiting.add(Map.entry(state, result.window()));
                return;
            }
            for (Window piece : split(result)) {
                submit(completion, fetcher, state, piece);
            }
            return;
        }
        if (!state.saved) {
            AtomicFiles.deleteQuietly(result.part());
        }
        // A per-event report has one whole-range request per event: kept in the order of virtualEventIds.
        state.done.put(event != null ? event : result.window().from(), result);
        state.rows += result.outcome().rows();
        state.endNanos = System.nanoTime();
        if (state.saved) {
            listener.rowsSoFar(result.report(), state.rows);
            toArchive(state);
        }
    }

    /**
     * Hands the report's windows to the archive in the order of the saved file, each once every window before it
     * is in (a window that hit the cap comes back as pieces, later).
     */
    private void toArchive(ReportState state) throws KalturaReportException {
        if (archiveWriter == null) {
            return;
        }
        WindowFetcher.Result next;
        while ((next = state.done.get(state.nextToArchive)) != null) {
            archiveWriter.add(state.report, next.part());
            state.nextToArchive = state.perEvent ? state.nextToArchive + 1 : next.window().to() + 1;
        }
    }

    /**
     * A capped window in pieces: cut where the start times of the rows it gave say (the server does not promise any
     * order, so they are sorted first) when the report has them, in halves otherwise.
     */
    private List<Window> split(WindowFetcher.Result result) {
        SessionSample sample = result.sample();
        if (sample != null && sample.usable() && sample.size() > 0) {
            long[] starts = new long[sample.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = sample.start(i);
            }
            List<Window> pieces = WindowPlanner.splitByStarts(result.window(), starts, starts.length,
                    WindowPlanner.target(settings.limits().rowCap()));
            if (!pieces.isEmpty()) {
                return pieces;
            }
        }
        return List.of(result.window().firstHalf(), result.window().secondHalf());
    }

    /** Submits the windows of a capped range planned from room data, or its halves when there is none. */
    private void plan(CompletionService<WindowFetcher.Result> completion, WindowFetcher fetcher, ReportState state,
            Window capped) throws IOException {
        boolean usable = roomData.failure == null
                && roomData.done.values().stream().allMatch(r -> r.sample() != null && (r.sample().usable()
                        || r.outcome().rows() == 0));
        List<Window> windows;
        if (usable) {
            windows = plannedWindows(state, capped, state.planning);
            state.planning.put("plannedWindows", windows.size());
        } else {
            String why = roomData.failure != null ? roomData.failure
                    : "room data lacks " + ReportDefinition.ROOMS.startTimeColumn().orElse("") + " or "
                            + uniqueUsersColumn();
            state.planning.put("fallback", "split at the cap: " + why);
            listener.warning(state.report.name() + ": room data to plan its windows is not available, so its range "
                    + "is split in halves where it hits the row cap (" + why + ")");
            windows = List.of(capped.firstHalf(), capped.secondHalf());
        }
        for (Window w : windows) {
            submit(completion, fetcher, state, w);
        }
    }

    private List<Window> plannedWindows(ReportState state, Window whole, Map<String, Object> planning) {
        int n = 0;
        for (WindowFetcher.Result r : roomData.done.values()) {
            n += r.sample().size();
        }
        long[] starts = new long[n];
        long[] rows = new long[n];
        // With a userIds filter a session has at most one row per user asked for (inferred: one row per attendee).
        List<String> users = state.filters.get(Filter.USER_IDS);
        long total = 0;
        int i = 0;
        for (WindowFetcher.Result r : roomData.done.values()) {
            SessionSample sample = r.sample();
            for (int j = 0; j < sample.size(); j++, i++) {
                starts[i] = sample.start(j);
                long uniqueUsers = users == null ? sample.sizeOf(j) : Math.min(sample.sizeOf(j), users.size());
                rows[i] = WindowPlanner.estimate(uniqueUsers);
                total += rows[i];
            }
        }
        planning.put("sessions", n);
        planning.put("estimatedRows", total);
        return WindowPlanner.plan(whole, starts, rows, n, WindowPlanner.target(settings.limits().rowCap()));
    }

    private static String uniqueUsersColumn() {
        return ReportDefinition.ROOMS.aliases().get(ReportDefinition.ALIAS_UNIQUE_USERS);
    }

    /** Progress of the windows in flight: called from worker threads, so only thread-safe state is touched. */
    private void rowsStreamed(ReportDefinition report, long delta) {
        ReportState state = states.get(report);
        if (state == null) {
            return; // room data fetched only to plan windows is not a report of the run
        }
        long inFlight = state.streaming.addAndGet(delta);
        if (delta > 0) {
            listener.rowsSoFar(report, state.rows + inFlight);
        }
    }

    /** A Reports microservice report: one generate-poll-download job for the whole range. */
    private void submitService(CompletionService<WindowFetcher.Result> completion, ReportState state, Window whole)
            throws IOException {
        Path part = AtomicFiles.tempFor(settings.output().directory().resolve(state.report.fileName() + ".part"));
        temps.add(part);
        inFlight.put(completion.submit(() -> serviceFetcher.fetch(state.report, state.filters, whole, part)), state);
        state.inFlight++;
    }

    /** One request per virtual event for the whole range (4021 takes one event id per request). */
    private void submitPerEvent(CompletionService<WindowFetcher.Result> completion, WindowFetcher fetcher,
            ReportState state, Window whole) throws IOException {
        List<String> events = state.filters.get(Filter.VIRTUAL_EVENT_IDS);
        for (int i = 0; i < events.size(); i++) {
            Map<Filter, List<String>> one = new LinkedHashMap<>(state.filters);
            one.put(Filter.VIRTUAL_EVENT_IDS, List.of(events.get(i)));
            Path part = AtomicFiles.tempFor(settings.output().directory().resolve(state.report.fileName() + ".part"));
            temps.add(part);
            Future<WindowFetcher.Result> f = completion.submit(() -> fetcher.fetch(state.report, one, whole, part,
                    null));
            inFlight.put(f, state);
            eventOrder.put(f, i);
            state.inFlight++;
        }
    }

    private void submit(CompletionService<WindowFetcher.Result> completion, WindowFetcher fetcher, ReportState state,
            Window window) throws IOException {
        Path part = AtomicFiles.tempFor(settings.output().directory().resolve(state.report.fileName() + ".part"));
        temps.add(part);
        Supplier<SessionSample> sampling = sampling(state);
        inFlight.put(completion.submit(() -> fetcher.fetch(state.report, state.filters, window, part, sampling)),
                state);
        state.inFlight++;
    }

    /**
     * What a report's rows say of their sessions: room data its start times and unique users (to plan from, a
     * {@code cuePointIds} filter applied as the planned report would apply it); another report with a session start
     * time, its start times (to split a capped window by). None for the rest.
     */
    private Supplier<SessionSample> sampling(ReportState state) {
        if (state.report.equals(ReportDefinition.ROOMS)) {
            List<String> cuePoints = state.saved ? null : settings.query().filters().get(Filter.CUE_POINT_IDS);
            return () -> new SessionSample(uniqueUsersColumn(), cuePoints);
        }
        if (state.report.startTimeColumn().isPresent()) {
            return () -> new SessionSample(null, null);
        }
        return null;
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
            summaries.add(new ReportSummary(report, a.target(), a.rows(), s.done.size(), s.requests, s.rowsServed,
                    s.retries,
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
