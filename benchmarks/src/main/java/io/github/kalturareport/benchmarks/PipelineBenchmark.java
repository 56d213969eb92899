package io.github.kalturareport.benchmarks;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.internal.window.WindowProcessor;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-process work on the one-million-row attendee file {@code <dataDir>/attendees.csv} (written by
 * {@code Harness prepare}): the parser's floor (a), the fetch side's validation, the check side's rule evaluation,
 * and both. Each operation is one whole pass over the file (seconds), so every iteration is a single shot; few
 * iterations keep the whole run within minutes on two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class PipelineBenchmark {

    /** The same CSV dialect the core reads with. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    @Param("benchmarks/target/data")
    public String dataDir;

    private Path file;
    private Path part;
    private Path checkOut;

    @Setup
    public void setUp() throws IOException {
        file = Path.of(dataDir, "attendees.csv");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run benchmarks/run (Harness prepare) first");
        }
        Path work = Files.createDirectories(Path.of(dataDir).resolveSibling("jmh-work"));
        part = work.resolve("attendees.part");
        checkOut = work.resolve("check");
    }

    /** The I/O floor, for context: the file's bytes read and their line feeds counted; no decoding, no parsing. */
    @Benchmark
    public long readBytes() throws IOException {
        long lineFeeds = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lineFeeds++;
                    }
                }
            }
        }
        return lineFeeds;
    }

    /** Baseline (a): Commons CSV alone, every field of every record touched. */
    @Benchmark
    public long parse(Blackhole bh) throws IOException {
        long rows = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                for (int i = 0; i < record.size(); i++) {
                    bh.consume(record.get(i));
                }
                rows++;
            }
        }
        return rows;
    }

    /** The fetch side's one pass: parse, validate every value, write the saved rows. */
    @Benchmark
    public WindowProcessor.Outcome validate() throws IOException {
        return validateOnce();
    }

    /** The check side's one pass: read the saved file, evaluate the rules, write every output file. */
    @Benchmark
    public CheckResult check() throws KalturaReportException {
        return checkOnce();
    }

    /** Both, as a fetch followed by a check runs them. */
    @Benchmark
    public CheckResult validateAndCheck(Blackhole bh) throws IOException, KalturaReportException {
        bh.consume(validateOnce());
        return checkOnce();
    }

    private WindowProcessor.Outcome validateOnce() throws IOException {
        WindowProcessor processor = new WindowProcessor(ReportDefinition.ATTENDEES, List.of(), false,
                ZoneOffset.UTC);
        try (InputStream in = Files.newInputStream(file)) {
            WindowProcessor.Outcome outcome = processor.process(in, part);
            if (outcome.problems().total() > 0) {
                throw new IllegalStateException("the benchmark data failed validation");
            }
            return outcome;
        }
    }

    private CheckResult checkOnce() throws KalturaReportException {
        CheckResult result = BenchData.checkAndWrite(file.getParent(), checkOut);
        if (result.results().size() != 2) {
            throw new IllegalStateException("expected two verdicts, got " + result.results());
        }
        return result;
    }
}
