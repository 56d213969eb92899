package io.github.kalturareport.maven;

import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.RuleResult;
import io.github.kalturareport.core.check.output.CheckOutputs;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** What the check goal tells Maven's log once the check has run: the table, every breach, where the files are. */
final class CheckLog {

    private final Log log;

    CheckLog(Log log) {
        this.log = log;
    }

    /** The results table, each breach at its severity, and a closing line. */
    void outcome(CheckResult result, boolean haltOnFailure) {
        for (String line : CheckOutputs.consoleTable(result)) {
            log.info(line);
        }
        for (RuleResult warning : result.warnings()) {
            log.warn(warning.message());
        }
        for (RuleResult error : result.errors()) {
            log.error(error.message());
        }
        if (result.errors().isEmpty()) {
            log.info("All " + result.results().size() + " threshold checks passed"
                    + (result.warnings().isEmpty() ? "." : " or only warned (" + result.warnings().size() + ")."));
        } else if (!haltOnFailure) {
            log.warn(breaches(result.errors().size()) + "; haltOnFailure=false, so the build continues.");
        }
    }

    /**
     * The last lines a user reads: paths to open, relative to the directory Maven was started in (so
     * {@code mvn -f examples/demo verify} shows {@code examples/demo/target/...}), or absolute outside it.
     */
    void whereTheFilesAre(File input, List<Path> files) {
        if (input != null) {
            log.info("CSV files: " + openable(new File(input, "*.csv")));
        }
        for (Path file : files) {
            if (file.getFileName().toString().equals("report.html")) {
                log.info("Report:    " + openable(file.toFile())
                        + "  (open it in a browser; JUnit XML, summary.md and summary.json are next to it)");
            }
        }
    }

    /** The build failure's text: the count, then each breach on its own line. */
    static String failureMessage(List<RuleResult> errors) {
        StringBuilder message = new StringBuilder(breaches(errors.size())).append(':');
        for (RuleResult error : errors) {
            message.append(System.lineSeparator()).append("  - ").append(error.message());
        }
        return message.toString();
    }

    private static String breaches(int count) {
        return count + (count == 1 ? " threshold breached" : " thresholds breached");
    }

    private static String openable(File file) {
        String relative = MavenFetchListener.relative(file, new File(System.getProperty("user.dir")));
        return relative.startsWith("..") ? file.getAbsolutePath() : relative;
    }
}
