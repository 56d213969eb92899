package io.github.kalturareport.core.check.output;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.internal.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports people read, made from a {@link CheckResult}: the files (JUnit XML, Markdown, JSON, HTML) and the
 * console table. The formats are written down in {@code docs/rules.md}.
 */
public final class CheckOutputs {

    static final String JUNIT = "TEST-kaltura-thresholds.xml";
    static final String MARKDOWN = "summary.md";
    static final String JSON = "summary.json";
    static final String HTML = "report.html";

    private CheckOutputs() {
    }

    /**
     * Writes every file to {@link CheckSettings#outputDirectory()}, each to a temporary file first and then moved
     * into place, and appends the Markdown summary to {@link CheckSettings#githubStepSummary()} when set.
     *
     * @param settings the settings the check ran with
     * @return the files written: JUnit XML, Markdown, JSON, HTML
     * @throws KalturaReportException when a file cannot be written
     */
    public static List<Path> writeAll(CheckSettings settings, CheckResult result) throws KalturaReportException {
        CheckReport report = new CheckReport(settings, result);
        Path dir = settings.outputDirectory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KalturaReportException("Cannot create the output folder " + dir + ": " + e
                    + ". Check its permissions, or set outputDirectory elsewhere.", e);
        }
        String markdown = MarkdownSummary.render(report);
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve(JUNIT), out -> JunitXml.write(report, out)));
        written.add(write(dir.resolve(MARKDOWN), out -> out.write(markdown)));
        written.add(write(dir.resolve(JSON), out -> JsonSummary.write(report, out)));
        written.add(write(dir.resolve(HTML), out -> HtmlReport.write(report, out)));
        Path step = settings.githubStepSummary();
        if (step != null) {
            try {
                // Appended, as GitHub asks: other steps' summaries in the same file are kept.
                Files.writeString(step, markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new KalturaReportException("Cannot append the summary to the GitHub step summary " + step
                        + ": " + e + ". Check GITHUB_STEP_SUMMARY.", e);
            }
        }
        return written;
    }

    /** The lines of a plain-text table of every result, for a log: rule, group, actual, expected, verdict. */
    public static List<String> consoleTable(CheckResult result) {
        return ConsoleTable.lines(result.results());
    }

    private static Path write(Path target, AtomicFiles.TextContent content) throws KalturaReportException {
        try {
            AtomicFiles.writeText(target, content);
            return target;
        } catch (IOException | RuntimeException e) {
            throw new KalturaReportException("Cannot write " + target + ": " + e
                    + ". Check the folder's permissions and free space.", e);
        }
    }
}
