package io.github.kalturareport.benchmarks;

import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the harness in a JVM of its own with {@code -Xmx64m}: fetches the whole attendee report from a simulator
 * (one uncapped call), validates and saves it, checks the rules, then prints one line with the rows, the peak heap
 * used (sum of the heap pools' peaks) and the peak resident set (VmHWM). Exits non-zero if anything fails,
 * an OutOfMemoryError included.
 *
 * <p>Arguments: {@code baseUrl adminSecret outputDirectory expectedRows}.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String secret = args[1];
        Path out = Path.of(args[2]);
        long expected = Long.parseLong(args[3]);
        long started = System.nanoTime();
        FetchResult fetched = ReportFetcher.fetch(BenchData.wholeYearUncapped(baseUrl, secret, out), null);
        long rows = fetched.reports().get(0).rows();
        CheckResult checked = BenchData.checkAndWrite(out, out.resolve("check"));
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("rows=%d verdicts=%d seconds=%.2f peakHeapMiB=%.1f maxHeapMiB=%.1f vmHwmMiB=%.1f%n",
                rows, checked.results().size(), seconds, peakHeap / 1048576.0, maxHeap / 1048576.0,
                vmHwmKiB() / 1024.0);
        if (rows != expected) {
            System.out.println("expected " + expected + " rows");
            System.exit(1);
        }
    }

    /** Peak resident set size in KiB from /proc/self/status, or -1 off Linux. */
    static long vmHwmKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
