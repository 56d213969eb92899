package io.github.kalturareport.benchmarks;

import static io.github.kalturareport.benchmarks.Harness.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the JMH JSON and the harness's results, prints the table of medians with each target's verdict (also saved
 * as {@code summary.md}) and, last, the one-line verdict
 * {@code validate/parse=R1 e2e/parse=R2 script/e2e=R3 windows8=Ts heap64m=ok|fail capRequests=N capOverfetch=R
 * capWall8=R}.
 */
final class Summary {

    private Summary() {
    }

    static void print(Path results) throws IOException {
        Map<String, List<Double>> shots = Harness.jmhShots(results);
        Map<String, Double> jmh = new java.util.TreeMap<>();
        shots.forEach((name, values) -> jmh.put(name, Harness.median(values)));
        Properties e2e = Harness.load(results, "e2e");
        Properties memory = Harness.load(results, "memory");
        Properties windows = Harness.load(results, "windows");
        Properties split = Harness.load(results, "split");
        Properties archive = Harness.load(results, "archive");

        double parse = jmh.get("parse") / 1000;
        double validate = jmh.get("validate") / 1000;
        double check = jmh.get("check") / 1000;
        double validateAndCheck = jmh.get("validateAndCheck") / 1000;
        double ours = num(e2e, "ours");
        double fetch = num(e2e, "fetch");
        double download = num(e2e, "download");
        double curl = num(e2e, "curl");
        double script = num(e2e, "script");
        double mb = num(e2e, "bytes") / 1e6;
        double rows = num(e2e, "rows");
        double r1 = validateAndCheck / parse;
        double r2 = ours / parse;
        double r3 = script / ours;
        double w8 = num(windows, "c8");
        boolean heapOk = Boolean.parseBoolean(memory.getProperty("ok"));

        List<String> t = new ArrayList<>();
        t.add(String.format("Data: %,.0f attendee rows, %.1f MB (the saved attendees.csv).", rows, mb));
        t.add("");
        t.add("JMH shots (ms, every measured one; the table uses their median):");
        t.add("");
        shots.forEach((name, values) -> t.add("    " + name + " " + values.stream()
                .map(v -> Long.toString(Math.round(v))).toList()));
        t.add("");
        t.add("End-to-end rounds (s): ours " + e2e.getProperty("ours.all") + ", curl " + e2e.getProperty("curl.all")
                + ", curl + python " + e2e.getProperty("script.all"));
        t.add("");
        t.add("| figure | median | throughput | ratio | target | met |");
        t.add("|---|---|---|---|---|---|");
        if (jmh.containsKey("readBytes")) {
            double read = jmh.get("readBytes") / 1000;
            t.add(row("read the bytes, count line feeds (I/O floor, JMH)", read, mb, rows,
                    format(read / parse) + " × (a)", "", ""));
        }
        t.add(row("(a) Commons CSV parse, every field (JMH)", parse, mb, rows, "1.00 × (a)", "", ""));
        t.add(row("validate (fetch side's pass, JMH)", validate, mb, rows, format(validate / parse) + " × (a)",
                "", ""));
        t.add(row("check (two rules, all outputs, JMH)", check, mb, rows, format(check / parse) + " × (a)", "",
                ""));
        t.add(row("validate + check (JMH)", validateAndCheck, mb, rows, format(r1) + " × (a)", "≤ 1.3 × (a)",
                yes(r1 <= 1.3)));
        t.add(row("(b) curl -o file from the simulator", curl, mb, rows, format(curl / parse) + " × (a)", "",
                ""));
        t.add(row("download streamed through validation (the window)", download, mb, rows,
                format(download / curl) + " × (b); (b) + validate = " + format((curl + validate) / curl) + " × (b)",
                "", ""));
        t.add(row("fetch + validate (ReportFetcher, with assembly and commit)", fetch, mb, rows,
                format(fetch / curl) + " × (b)", "", ""));
        t.add(row("end to end: fetch + validate + check", ours, mb, rows, format(r2) + " × (a), "
                + format(ours / curl) + " × (b)", "≤ 1.5 × (a)", yes(r2 <= 1.5)));
        t.add(row("(c) curl + python3 csv (mean, min)", script, mb, rows, format(r3) + " × end to end",
                "≥ 1.5 × end to end", yes(r3 >= 1.5)));
        t.add("");
        t.add("| memory at -Xmx64m (forked JVM, fetch + validate + check) | result |");
        t.add("|---|---|");
        for (String key : new String[] {"m1", "m5"}) {
            t.add(String.format("| %,d rows | %s: %s |", Long.parseLong(memory.getProperty(key + ".rows", "0")),
                    Boolean.parseBoolean(memory.getProperty(key + ".ok")) ? "ok" : "FAIL",
                    memory.getProperty(key + ".line", "not run")));
        }
        t.add("");
        t.add("| twelve monthly windows, 1 s latency each | wall time (median) | target | met |");
        t.add("|---|---|---|---|");
        for (String c : new String[] {"1", "4", "8"}) {
            t.add("| concurrency " + c + " | " + format(num(windows, "c" + c)) + " s (" + windows.getProperty("c"
                    + c + ".all") + ") | " + ("8".equals(c) ? "≤ 2.5 s | " + yes(w8 <= 2.5) : " | ") + " |");
        }
        t.add("");
        t.add("| 365 days, 1,000,000 rows | wall time (median) | windows kept | report requests | rows served |");
        t.add("|---|---|---|---|---|");
        for (String k : new String[] {"capped", "uncapped"}) {
            t.add(String.format("| %s | %s s | %s | %s | %,d |", k.equals("capped")
                    ? "100,000-row cap (planned windows)" : "one uncapped call", format(num(split, k)),
                    split.getProperty(k + ".windows"), split.getProperty(k + ".requests"),
                    (long) num(split, k + ".served")));
        }
        t.add("");
        long capRequests = Long.parseLong(split.getProperty("capped.requests", "0"));
        double capOverfetch = num(split, "capped.served") / num(split, "capped.rows");
        double uncappedModel = num(split, "model.uncapped");
        double capWall4 = num(split, "model.c4") / uncappedModel;
        double capWall8 = num(split, "model.c8") / uncappedModel;
        t.add("| capped year (100,000-row cap), all report calls counted | value | target | met |");
        t.add("|---|---|---|---|");
        t.add("| report requests (room data included) | " + capRequests + " |  |  |");
        t.add("| rows served / rows saved | " + format(capOverfetch) + " | ≤ 1.3 | " + yes(capOverfetch <= 1.3)
                + " |");
        t.add("| wall time / one uncapped call, 1 s + 2 µs a row, concurrency 4 | " + format(capWall4) + " ("
                + format(num(split, "model.c4")) + " s / " + format(uncappedModel) + " s) |  |  |");
        t.add("| wall time / one uncapped call, 1 s + 2 µs a row, concurrency 8 | " + format(capWall8) + " ("
                + format(num(split, "model.c8")) + " s / " + format(uncappedModel) + " s) | ≤ 2 | "
                + yes(capWall8 <= 2) + " |");
        t.add("");
        double archiveRatio = num(archive, "archived") / num(archive, "plain");
        t.add("Archive: the 1,000,000-row fetch with a backfill into a new SQLite archive "
                + String.format("%.2f s", num(archive, "archived")) + " vs without " + String.format("%.2f s",
                num(archive, "plain")) + ": " + format(archiveRatio) + "x (target at most 2x: " + yes(archiveRatio <= 2)
                + "); rounds " + archive.getProperty("archived.all") + " vs " + archive.getProperty("plain.all"));
        double archiveModel = num(archive, "model.archived") / num(archive, "model.plain");
        t.add("Archive under the latency model (1 s + 2 µs a row): " + String.format("%.2f s", num(archive,
                "model.archived")) + " vs " + String.format("%.2f s", num(archive, "model.plain")) + ": "
                + format(archiveModel) + "x (at most 2x: " + yes(archiveModel <= 2) + "); rounds "
                + archive.getProperty("model.archived.all") + " vs " + archive.getProperty("model.plain.all"));
        double archiveCapped = num(archive, "capped.archived") / num(archive, "capped.plain");
        t.add("Archive of the year as Kaltura serves it (under the row cap, concurrency 4, the latency model; each"
                + " window loaded while later ones download): " + String.format("%.2f s", num(archive,
                "capped.archived")) + " vs " + String.format("%.2f s", num(archive, "capped.plain")) + ": "
                + format(archiveCapped) + "x (at most 2x: " + yes(archiveCapped <= 2) + "); rounds "
                + archive.getProperty("capped.archived.all") + " vs " + archive.getProperty("capped.plain.all"));
        t.add("");
        t.add("Files identical (capped vs uncapped): " + split.getProperty("identical"));
        t.add("Verdicts, ours: " + e2e.getProperty("ours.verdicts"));
        t.add("Script says: " + e2e.getProperty("script.output"));
        Path load = results.resolve("load.txt");
        if (Files.isRegularFile(load)) {
            t.add("");
            t.add("Load average (1, 5, 15 min) before each step, to judge how busy the machine was:");
            t.add("");
            for (String line : Files.readAllLines(load)) {
                t.add("    " + line);
            }
        }
        String verdict = "validate/parse=" + format(r1) + " e2e/parse=" + format(r2) + " script/e2e=" + format(r3)
                + " windows8=" + format(w8) + "s heap64m=" + (heapOk ? "ok" : "fail") + " capRequests=" + capRequests
                + " capOverfetch=" + format(capOverfetch) + " capWall8=" + format(capWall8)
                + " archive/fetch=" + format(archiveRatio) + " archiveModel/fetch=" + format(archiveModel)
                + " archiveCapped/fetch=" + format(archiveCapped);
        Files.write(results.resolve("summary.md"), t);
        t.forEach(System.out::println);
        System.out.println(verdict);
    }

    private static String row(String what, double seconds, double mb, double rows, String ratio, String target,
            String met) {
        return String.format("| %s | %.3f s | %.1f MB/s, %,.0f rows/s | %s | %s | %s |", what, seconds,
                mb / seconds, rows / seconds, ratio, target, met);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static double num(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }
}
