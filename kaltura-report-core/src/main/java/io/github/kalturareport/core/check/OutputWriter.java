package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** Writes every output file, each to a temporary file in the same folder and then moved into place. */
final class OutputWriter {

    static final String JUNIT = "TEST-kaltura-thresholds.xml";
    static final String MARKDOWN = "summary.md";
    static final String JSON = "summary.json";
    static final String HTML = "report.html";

    private OutputWriter() {
    }

    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    static List<Path> writeAll(CheckReport report) throws KalturaReportException {
        Path dir = report.settings().outputDirectory();
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
        Path step = report.settings().githubStepSummary();
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

    /** Temporary files are private (0600); reports are for everyone who can read the build's folder. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes a file completely under a temporary name, then moves it over the target in one step. */
    static Path write(Path target, Content content) throws KalturaReportException {
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            readableByAll(temp);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
            }
            throw new KalturaReportException("Cannot write " + target + ": " + e
                    + ". Check the folder's permissions and free space.", e);
        }
    }
}
