package io.github.kalturareport.core.internal.window;

import io.github.kalturareport.core.DataValidationException;
import io.github.kalturareport.core.internal.csv.CsvValues;
import io.github.kalturareport.core.internal.files.AtomicFiles;
import io.github.kalturareport.core.internal.validate.ColumnLayout;
import io.github.kalturareport.core.internal.validate.Problem;
import io.github.kalturareport.core.internal.validate.ProblemLog;
import io.github.kalturareport.core.internal.window.WindowProcessor;
import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Joins a report's windows, in chronological order, into one CSV under a temp name: the header once, then each
 * window's rows as saved. Decides the report's validity from the windows' headers and problems, numbering each
 * problem by its line in the saved file (header = line 1).
 */
public final class ReportAssembler {

    /** One window's rows (a part file without header) and what validation found in them. */
    public record Piece(Path part, WindowProcessor.Outcome outcome) {
    }

    private final ReportDefinition report;
    private final List<String> expectedCustomColumns;
    private final boolean descriptive;
    private final boolean lenient;

    public ReportAssembler(ReportDefinition report, List<String> expectedCustomColumns, boolean descriptive,
            boolean lenient) {
        this.report = report;
        this.expectedCustomColumns = expectedCustomColumns;
        this.descriptive = descriptive;
        this.lenient = lenient;
    }

    /**
     * @param pieces the windows in chronological order
     * @throws DataValidationException when the header lacks a column, differs between windows, or (unless lenient)
     *                                 a row fails validation; no file is left behind then
     */
    public AssembledReport assemble(List<Piece> pieces, Path target) throws DataValidationException, IOException {
        String file = target.getFileName().toString();
        List<String> warnings = new ArrayList<>();
        ColumnLayout layout = null;
        for (Piece piece : pieces) {
            ColumnLayout l = piece.outcome().layout();
            if (l == null) {
                continue;
            }
            if (layout == null) {
                layout = l;
            } else if (!layout.header().equals(l.header())) {
                throw new DataValidationException("Report " + report.label() + ": the server "
                        + "sent different columns for different date windows (" + layout.header() + " then "
                        + l.header() + "); nothing was saved. Try again; if it persists, fetch a shorter range.",
                        List.of(file + " line 1: header " + l.header() + " differs from " + layout.header()));
            }
        }
        List<String> header;
        if (layout != null) {
            if (!layout.missing().isEmpty()) {
                String problem = file + " line 1: the header lacks the column(s) " + String.join(", ",
                        layout.missing()) + " (received: " + String.join(",", layout.header()) + ")";
                throw new DataValidationException("Report " + report.label() + " is missing "
                        + (report.isCustom() ? "declared" : "documented") + " column(s) " + String.join(", ",
                                layout.missing()) + "; nothing was saved. "
                        + (report.isCustom() ? "Check the expected columns declared for it."
                                : "The server's report has changed: check for a newer kaltura-report."),
                        List.of(problem));
            }
            if (!layout.extra().isEmpty()) {
                warnings.add(file + ": column(s) " + String.join(", ", layout.extra()) + " are not "
                        + (report.isCustom() ? "declared" : "documented") + "; kept as received.");
            }
            header = layout.header();
        } else if (!report.isCustom()) {
            header = report.columns().stream().map(ColumnDefinition::name).toList();
        } else {
            header = expectedCustomColumns;
            if (header.isEmpty()) {
                warnings.add(file + ": the server sent no header (no rows), and no columns are declared for this "
                        + "custom report; the file is empty.");
            }
        }

        List<String> problems = new ArrayList<>();
        long total = 0;
        long lineOffset = 1;
        for (Piece piece : pieces) {
            ProblemLog log = piece.outcome().problems();
            for (Problem p : log.kept()) {
                if (problems.size() < ProblemLog.LIMIT) {
                    problems.add(p.describe(file, lineOffset + p.line()));
                }
            }
            total += log.total();
            lineOffset += piece.outcome().lines();
        }
        if (total > problems.size()) {
            problems.add("… and " + (total - problems.size()) + " more problem(s) not shown");
        }
        if (total > 0) {
            if (!lenient) {
                throw new DataValidationException("Report " + report.label() + " failed "
                        + "validation with " + total + " problem(s); nothing was saved (a previous " + file
                        + " is untouched). Set lenient to keep the rows and report the problems as warnings.\n  "
                        + String.join("\n  ", problems), problems);
            }
            warnings.add(file + ": " + total + " validation problem(s), rows kept (lenient):");
            warnings.addAll(problems);
        }

        Path temp = AtomicFiles.tempFor(target);
        List<String> saved = WindowProcessor.savedHeader(report, header, descriptive);
        long rows = 0;
        for (Piece piece : pieces) {
            rows += piece.outcome().rows();
        }
        Piece only = onlyPieceWithHeader(pieces);
        if (only != null && only.outcome().savedHeader().equals(saved)) {
            // One window held everything (the common case): its part is already the saved file, header included,
            // and its digest was taken while it was written. A rename in the same directory; no copy.
            Files.move(only.part(), temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new AssembledReport(temp, target, rows, HexFormat.of().formatHex(only.outcome().sha256()), saved,
                    warnings);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp),
                    1 << 16), sha256)) {
                if (!saved.isEmpty()) {
                    out.write(CsvValues.line(saved).getBytes(StandardCharsets.UTF_8));
                }
                for (Piece piece : pieces) {
                    if (piece.outcome().empty()) {
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(piece.part())) {
                        in.skipNBytes(piece.outcome().headerBytes()); // each part starts with the header
                        in.transferTo(out);
                    }
                }
            }
            return new AssembledReport(temp, target, rows, HexFormat.of().formatHex(sha256.digest()), saved,
                    warnings);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteQuietly(temp);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            AtomicFiles.deleteQuietly(temp);
            throw new IllegalStateException("This Java runtime lacks SHA-256", e);
        }
    }

    /** The one piece that had a header when every other piece was empty; otherwise null. */
    private static Piece onlyPieceWithHeader(List<Piece> pieces) {
        Piece only = null;
        for (Piece piece : pieces) {
            if (!piece.outcome().empty()) {
                if (only != null) {
                    return null;
                }
                only = piece;
            }
        }
        return only;
    }
}
