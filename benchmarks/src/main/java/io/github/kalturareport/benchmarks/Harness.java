package io.github.kalturareport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.RuleResult;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.FetchSettings;
import io.github.kalturareport.core.fetch.Limits;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.internal.http.ReportRequest;
import io.github.kalturareport.core.report.ReportDefinition;
import io.github.kalturareport.simulator.Fault;
import io.github.kalturareport.simulator.KalturaSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The benchmarks that are not JMH's: everything measured against a running simulator, with the baselines run on
 * the same data in the same run. Each step writes {@code <results>/<step>.properties}; {@code summary} reads them
 * and JMH's JSON and prints the table and the one-line verdict.
 *
 * <pre>
 * Harness prepare  DATA_DIR                 the 1,000,000-row attendees.csv JMH reads
 * Harness e2e      RESULTS WORK SCRIPT ROUNDS  fetch+validate+check vs curl (b) and curl+python (c)
 * Harness memory   RESULTS WORK             1,000,000 and 5,000,000 rows in a forked JVM with -Xmx64m
 * Harness windows  RESULTS WORK             twelve monthly windows, 1 s latency each, concurrency 1, 4, 8
 * Harness archive  RESULTS WORK             the 1,000,000-row fetch with a backfill into a new SQLite archive vs
 *                                           without an archive: one uncapped call in process and under the
 *                                           latency model, and the year under the row cap and the model
 * Harness split    RESULTS WORK             the year under the 100,000-row cap vs one uncapped call, also under
 *                                           a latency model (1 s + 2 µs a row) at concurrency 4 and 8
 * Harness summary  RESULTS                  the table (Markdown) and, last, the verdict line
 * </pre>
 */
public final class Harness {

    /** Rounds of the end-to-end comparison run before the measured ones, so that all are measured warm. */
    static final int WARM_UP_ROUNDS = 2;

    private Harness() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]));
            case "e2e" -> endToEnd(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
            case "memory" -> memory(Path.of(args[1]), Path.of(args[2]));
            case "windows" -> windows(Path.of(args[1]), Path.of(args[2]));
            case "split" -> split(Path.of(args[1]), Path.of(args[2]));
            case "archive" -> archive(Path.of(args[1]), Path.of(args[2]));
            case "summary" -> Summary.print(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    // ---------------------------------------------------------------------------------------------- prepare

    static void prepare(Path dataDir) throws Exception {
        try (KalturaSimulator sim = BenchData.simulator(BenchData.ROOMS_1M, BenchData.UNCAPPED).start()) {
            FetchResult r = ReportFetcher.fetch(BenchData.wholeYearUncapped(sim.baseUrl(), sim.adminSecret(),
                    dataDir), null);
            ReportSummary s = r.reports().get(0);
            require(s.rows() == BenchData.rows(BenchData.ROOMS_1M), "prepared " + s.rows() + " rows");
            System.out.printf("prepared %s: %,d rows, %,d bytes%n", s.file(), s.rows(), Files.size(s.file()));
        }
    }

    // -------------------------------------------------------------------------------------------------- e2e

    static void endToEnd(Path results, Path work, Path script, int rounds) throws Exception {
        Path out = work.resolve("e2e");
        Path curlFile = work.resolve("curl-attendees.csv");
        Path scriptFile = work.resolve("script-attendees.csv");
        Path ksFile = work.resolve("ks");
        List<Double> ours = new ArrayList<>();
        List<Double> fetchOnly = new ArrayList<>();
        List<Double> streamed = new ArrayList<>();
        List<Double> curl = new ArrayList<>();
        List<Double> python = new ArrayList<>();
        String ourVerdicts = "";
        String scriptOutput = "";
        long bytes;
        long rows;
        try (KalturaSimulator sim = BenchData.simulator(BenchData.ROOMS_1M, BenchData.UNCAPPED).start()) {
            FetchSettings settings = BenchData.wholeYearUncapped(sim.baseUrl(), sim.adminSecret(), out);
            String url = sim.baseUrl() + "/api_v3/service/report/action/getCsvFromStringParams";
            String params = ReportRequest.params(ReportDefinition.ATTENDEES, settings.query().filters(),
                    settings.query().range().fromEpochSecond(), settings.query().range().toEpochSecond());
            Files.createDirectories(work);
            Files.writeString(ksFile, adminKs(sim));
            List<String> curlCommand = List.of("curl", "-s", "-S", "-f", "-o", curlFile.toString(),
                    "--data-urlencode", "ks@" + ksFile, "-d", "id=6001", "-d", "format=1",
                    "--data-urlencode", "params=" + params, url);
            List<String> scriptCommand = List.of("bash", "-c",
                    "curl -s -S -f -o \"$1\" --data-urlencode \"ks@$2\" -d id=6001 -d format=1"
                            + " --data-urlencode \"params=$3\" \"$4\" && python3 \"$5\" \"$1\"",
                    "script", scriptFile.toString(), ksFile.toString(), params, url, script.toString());
            for (int round = 1 - WARM_UP_ROUNDS; round <= rounds; round++) { // rounds up to 0 warm up the JIT
                long t0 = System.nanoTime();
                FetchResult fetched = ReportFetcher.fetch(settings, null);
                long t1 = System.nanoTime();
                CheckResult checked = BenchData.checkAndWrite(out, out.resolve("check"));
                long t2 = System.nanoTime();
                double curlSeconds = timed(curlCommand).seconds();
                Run scriptRun = timed(scriptCommand);
                if (round > 0) {
                    fetchOnly.add((t1 - t0) / 1e9);
                    streamed.add(fetched.reports().get(0).elapsed().toNanos() / 1e9);
                    ours.add((t2 - t0) / 1e9);
                    curl.add(curlSeconds);
                    python.add(scriptRun.seconds());
                }
                require(fetched.reports().get(0).rows() == BenchData.rows(BenchData.ROOMS_1M), "rows fetched");
                ourVerdicts = verdicts(checked);
                scriptOutput = scriptRun.output().strip();
                System.out.printf("  e2e round %d: ours %.2fs (fetch %.2fs, of which download+validate %.2fs),"
                        + " curl %.2fs, curl+python %.2fs%n", round, (t2 - t0) / 1e9, (t1 - t0) / 1e9,
                        fetched.reports().get(0).elapsed().toNanos() / 1e9, curlSeconds, scriptRun.seconds());
            }
            bytes = Files.size(out.resolve("attendees.csv"));
            rows = BenchData.rows(BenchData.ROOMS_1M);
            require(Files.size(curlFile) == bytes + 3, "curl's body is the saved file plus the BOM");
        }
        Properties p = new Properties();
        p.setProperty("rounds", Integer.toString(rounds));
        p.setProperty("bytes", Long.toString(bytes));
        p.setProperty("rows", Long.toString(rows));
        p.setProperty("ours", Double.toString(median(ours)));
        p.setProperty("fetch", Double.toString(median(fetchOnly)));
        p.setProperty("download", Double.toString(median(streamed)));
        p.setProperty("curl", Double.toString(median(curl)));
        p.setProperty("script", Double.toString(median(python)));
        p.setProperty("ours.all", ours.toString());
        p.setProperty("curl.all", curl.toString());
        p.setProperty("script.all", python.toString());
        p.setProperty("ours.verdicts", ourVerdicts);
        p.setProperty("script.output", scriptOutput);
        save(results, "e2e", p);
    }

    // ---------------------------------------------------------------------------------------------- archive

    /** Rounds of the archive comparison after one warm-up round; each alternates the two fetches. */
    static final int ARCHIVE_ROUNDS = 3;

    /** The latency model of the remote figures: each report call answered after 1 s plus 2 µs per row sent. */
    private static Fault modelFault() {
        return Fault.latency(Duration.ofSeconds(1), Duration.ofNanos(2_000)).only("report", "getCsvFromStringParams");
    }

    /**
     * The same fetch of 1,000,000 attendee rows without an archive and with a backfill into a new SQLite file (the
     * whole load: table, upserts, sync state, one transaction), alternated so that load from other processes falls
     * on both alike: one uncapped call from the in-process simulator; the same under the latency model (what the
     * archive adds to a fetch from a server that, like Kaltura, takes time to answer; the JIT is warm by then); and
     * the year as Kaltura serves it, under its row cap (windows planned from room data, the default concurrency of
     * 4) and the model, where the archive loads each window while later ones download.
     */
    static void archive(Path results, Path work) throws Exception {
        Properties p = new Properties();
        try (KalturaSimulator sim = BenchData.simulator(BenchData.ROOMS_1M, BenchData.UNCAPPED).start()) {
            compareArchive(p, "", sim, BenchData.UNCAPPED, "1", work.resolve("archive"), 1, ARCHIVE_ROUNDS);
        }
        try (KalturaSimulator sim = BenchData.simulator(BenchData.ROOMS_1M, BenchData.UNCAPPED)
                .fault(modelFault()).start()) {
            compareArchive(p, "model.", sim, BenchData.UNCAPPED, "1", work.resolve("archive-model"), 0, 2);
        }
        int cap = KalturaSimulator.DEFAULT_ROW_CAP;
        try (KalturaSimulator sim = BenchData.simulator(BenchData.ROOMS_1M, cap).fault(modelFault()).start()) {
            compareArchive(p, "capped.", sim, cap, Integer.toString(Limits.DEFAULT_CONCURRENCY),
                    work.resolve("archive-capped"), 0, 2);
        }
        save(results, "archive", p);
    }

    /**
     * Rounds of the plain fetch then the same with a backfill, each into new directories and a new archive; the
     * medians and every measured round go into {@code p} under {@code key} ({@code plain}, {@code archived}).
     */
    private static void compareArchive(Properties p, String key, KalturaSimulator sim, int cap, String concurrency,
            Path work, int warmUps, int rounds) throws Exception {
        List<Double> plain = new ArrayList<>();
        List<Double> archived = new ArrayList<>();
        for (int round = 1 - warmUps; round <= rounds; round++) {
            Path out = work.resolve("round" + round);
            FetchSettings without = BenchData.fetch(sim.baseUrl(), sim.adminSecret(), out.resolve("plain"),
                    BenchData.FROM, BenchData.TO).rowCap(Integer.toString(cap)).concurrency(concurrency).build();
            FetchSettings with = BenchData.fetch(sim.baseUrl(), sim.adminSecret(), out.resolve("archived"),
                    BenchData.FROM, BenchData.TO).rowCap(Integer.toString(cap)).concurrency(concurrency)
                    .archive(out.resolve("archive.db").toString(), null).build();
            long t0 = System.nanoTime();
            ReportFetcher.fetch(without, null);
            long t1 = System.nanoTime();
            FetchResult r = ReportFetcher.fetch(with, null);
            long t2 = System.nanoTime();
            require(r.reports().get(0).rows() == BenchData.rows(BenchData.ROOMS_1M), "rows archived");
            if (round > 0) {
                plain.add((t1 - t0) / 1e9);
                archived.add((t2 - t1) / 1e9);
            }
            System.out.printf("  archive %sround %d: fetch %.2fs (%d windows), fetch + SQLite backfill %.2fs%n",
                    key.replace('.', ' '), round, (t1 - t0) / 1e9, r.reports().get(0).windows(), (t2 - t1) / 1e9);
        }
        p.setProperty(key + "plain", Double.toString(median(plain)));
        p.setProperty(key + "archived", Double.toString(median(archived)));
        p.setProperty(key + "plain.all", plain.toString());
        p.setProperty(key + "archived.all", archived.toString());
    }

    /** An admin KS from session.start, as a script would get one (the secret in a POST body). */
    private static String adminKs(KalturaSimulator sim) throws IOException, InterruptedException {
        String form = "secret=" + URLEncoder.encode(sim.adminSecret(), StandardCharsets.UTF_8) + "&partnerId="
                + sim.partnerId() + "&type=2&format=1";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sim.baseUrl() + "/api_v3/service/session/action/start"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String ks = response.body().strip();
        require(ks.startsWith("\"") && ks.endsWith("\""), "session.start answered a JSON string");
        return ks.substring(1, ks.length() - 1);
    }

    private static String verdicts(CheckResult checked) {
        List<String> parts = new ArrayList<>();
        for (RuleResult r : checked.results()) {
            parts.add(r.label() + " = " + r.actualText());
        }
        return String.join("; ", parts);
    }

    // ----------------------------------------------------------------------------------------------- memory

    static void memory(Path results, Path work) throws Exception {
        Properties p = new Properties();
        boolean ok = true;
        for (int rooms : new int[] {BenchData.ROOMS_1M, 5 * BenchData.ROOMS_1M}) {
            long rows = BenchData.rows(rooms);
            String key = "m" + rows / 1_000_000;
            Path out = work.resolve("memory-" + rows);
            try (KalturaSimulator sim = BenchData.simulator(rooms, BenchData.UNCAPPED).start()) {
                Path jar = Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", jar.toString(),
                        MemoryProbe.class.getName(), sim.baseUrl(), sim.adminSecret(), out.toString(),
                        Long.toString(rows));
                Run run = timed(command);
                boolean passed = run.exit() == 0;
                ok &= passed;
                String line = run.output().strip().replace('\n', ' ');
                System.out.printf("  -Xmx64m, %,d rows: %s (exit %d) %s%n", rows, passed ? "ok" : "FAIL", run.exit(),
                        line);
                p.setProperty(key + ".ok", Boolean.toString(passed));
                p.setProperty(key + ".line", line);
                p.setProperty(key + ".rows", Long.toString(rows));
            } finally {
                deleteTree(out);
            }
        }
        p.setProperty("ok", Boolean.toString(ok));
        save(results, "memory", p);
    }

    // ---------------------------------------------------------------------------------------------- windows

    /**
     * Twelve monthly windows of 2025, each answered after 1 s of simulated server latency. The core has no
     * fixed-size windows (it splits a range only when a window hits the row cap), so a monthly window is a fetch of
     * that month; the twelve run {@code c} at a time on one pool.
     */
    static void windows(Path results, Path work) throws Exception {
        Properties p = new Properties();
        try (KalturaSimulator sim = KalturaSimulator.builder().seed(BenchData.SEED).endDate(BenchData.END)
                .days(BenchData.DAYS)
                .fault(Fault.latency(Duration.ofSeconds(1)).only("report", "getCsvFromStringParams"))
                .start()) {
            for (int concurrency : new int[] {1, 4, 8}) {
                List<Double> walls = new ArrayList<>();
                int reps = concurrency == 1 ? 2 : 3;
                for (int rep = 0; rep < reps; rep++) {
                    walls.add(twelveWindows(sim, work.resolve("windows-" + concurrency), concurrency));
                }
                System.out.printf("  twelve 1 s windows at concurrency %d: %s s%n", concurrency, walls);
                p.setProperty("c" + concurrency, Double.toString(median(walls)));
                p.setProperty("c" + concurrency + ".all", walls.toString());
            }
        }
        save(results, "windows", p);
    }

    private static double twelveWindows(KalturaSimulator sim, Path dir, int concurrency) throws Exception {
        List<FetchSettings> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(BenchData.END.getYear(), m);
            months.add(BenchData.fetch(sim.baseUrl(), sim.adminSecret(), dir.resolve(month.toString()),
                    month.atDay(1).toString(), month.atEndOfMonth().toString()).concurrency("1").build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long t0 = System.nanoTime();
            List<Future<FetchResult>> futures = new ArrayList<>();
            for (FetchSettings s : months) {
                futures.add(pool.submit(() -> ReportFetcher.fetch(s, null)));
            }
            for (Future<FetchResult> f : futures) {
                require(f.get().reports().get(0).windows() == 1, "one window per month");
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------------------------------------ split

    /** The year of one million rows under Kaltura's 100,000-row cap (window splitting) vs one uncapped call. */
    static void split(Path results, Path work) throws Exception {
        Properties p = new Properties();
        Path cappedOut = work.resolve("split-capped");
        Path uncappedOut = work.resolve("split-uncapped");
        for (boolean capped : new boolean[] {true, false}) {
            int cap = capped ? KalturaSimulator.DEFAULT_ROW_CAP : BenchData.UNCAPPED;
            String key = capped ? "capped" : "uncapped";
            try (KalturaSimulator sim = BenchData.simulator(BenchData.ROOMS_1M, cap).start()) {
                FetchSettings settings = BenchData.fetch(sim.baseUrl(), sim.adminSecret(),
                        capped ? cappedOut : uncappedOut, BenchData.FROM, BenchData.TO).rowCap(Integer.toString(cap))
                        .build();
                List<Double> walls = new ArrayList<>();
                ReportSummary summary = null;
                for (int rep = 0; rep < 3; rep++) { // the first warms the JIT up and is not counted
                    sim.clearRequests();
                    long t0 = System.nanoTime();
                    summary = ReportFetcher.fetch(settings, null).reports().get(0);
                    if (rep > 0) {
                        walls.add((System.nanoTime() - t0) / 1e9);
                    }
                }
                long requests = sim.requests().stream().filter(r -> "report".equals(r.service())).count();
                long served = sim.requests().stream().filter(r -> "report".equals(r.service()))
                        .mapToLong(r -> r.rows()).sum();
                System.out.printf("  %s: %s s, %d windows kept, %d requests, %,d rows served, %,d saved%n", key,
                        walls, summary.windows(), requests, served, summary.rows());
                p.setProperty(key, Double.toString(median(walls)));
                p.setProperty(key + ".windows", Integer.toString(summary.windows()));
                p.setProperty(key + ".requests", Long.toString(requests));
                p.setProperty(key + ".served", Long.toString(served));
                p.setProperty(key + ".rows", Long.toString(summary.rows()));
            }
        }
        long mismatch = Files.mismatch(cappedOut.resolve("attendees.csv"), uncappedOut.resolve("attendees.csv"));
        p.setProperty("identical", Boolean.toString(mismatch == -1));
        System.out.println("  files identical: " + (mismatch == -1));
        latencyModel(p, work);
        save(results, "split", p);
    }

    /**
     * The same year under a model of the server's query time, 1 s plus 2 µs per row sent: the capped fetch at
     * concurrency 4 and 8, and one uncapped call; medians of 2 runs each.
     */
    private static void latencyModel(Properties p, Path work) throws Exception {
        Fault model = modelFault();
        for (String key : new String[] {"uncapped", "c4", "c8"}) {
            boolean capped = !key.equals("uncapped");
            int cap = capped ? KalturaSimulator.DEFAULT_ROW_CAP : BenchData.UNCAPPED;
            try (KalturaSimulator sim = BenchData.simulator(BenchData.ROOMS_1M, cap).fault(model).start()) {
                FetchSettings settings = BenchData.fetch(sim.baseUrl(), sim.adminSecret(), work.resolve("model-" + key),
                        BenchData.FROM, BenchData.TO).rowCap(Integer.toString(cap))
                        .concurrency(capped ? key.substring(1) : "1").build();
                List<Double> walls = new ArrayList<>();
                for (int rep = 0; rep < 2; rep++) {
                    long t0 = System.nanoTime();
                    ReportFetcher.fetch(settings, null);
                    walls.add((System.nanoTime() - t0) / 1e9);
                }
                System.out.printf("  latency model 1 s + 2 µs/row, %s: %s s%n", key, walls);
                p.setProperty("model." + key, Double.toString(median(walls)));
                p.setProperty("model." + key + ".all", walls.toString());
            }
        }
    }

    // -------------------------------------------------------------------------------------------- utilities

    record Run(double seconds, int exit, String output) {
    }

    /** Runs a command, its output captured; the time is wall time from start to exit. */
    static Run timed(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process process = pb.start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command.get(0));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && !command.get(0).endsWith("java")) {
            throw new IllegalStateException(command.get(0) + " failed (" + process.exitValue() + "): " + text);
        }
        return new Run(seconds, process.exitValue(), text);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark sanity check failed: " + what);
        }
    }

    static void save(Path results, String step, Properties p) throws IOException {
        Files.createDirectories(results);
        try (OutputStream out = Files.newOutputStream(results.resolve(step + ".properties"))) {
            p.store(out, step);
        }
    }

    static Properties load(Path results, String step) throws IOException {
        Properties p = new Properties();
        Path file = results.resolve(step + ".properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Every measured JMH shot of every {@code jmh-*.json} in the results: benchmark method name to milliseconds. */
    static java.util.Map<String, List<Double>> jmhShots(Path results) throws IOException {
        java.util.Map<String, List<Double>> shots = new java.util.TreeMap<>();
        List<Path> files;
        try (var list = Files.list(results)) {
            files = list.filter(p -> p.getFileName().toString().matches("jmh(-\\d+)?\\.json")).sorted().toList();
        }
        for (Path json : files) {
            for (JsonNode b : new ObjectMapper().readTree(json.toFile())) {
                String name = b.get("benchmark").asText();
                name = name.substring(name.lastIndexOf('.') + 1);
                List<Double> raw = shots.computeIfAbsent(name, k -> new ArrayList<>());
                for (JsonNode fork : b.get("primaryMetric").get("rawData")) {
                    for (JsonNode v : fork) {
                        raw.add(v.asDouble());
                    }
                }
            }
        }
        return shots;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
