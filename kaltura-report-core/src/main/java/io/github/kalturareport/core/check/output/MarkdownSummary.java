package io.github.kalturareport.core.check.output;

import io.github.kalturareport.core.check.Rule.Severity;
import io.github.kalturareport.core.check.RuleResult.OffendingRow;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.check.RuleResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The GitHub-flavoured Markdown summary (also appended to {@code GITHUB_STEP_SUMMARY}). GitHub accepts at most
 * 1 MiB per step summary, so tables are cut at {@value #MAX_RESULTS} results (breaches first) and
 * {@value #MAX_SESSIONS} sessions, and the whole text at {@value #MAX_BYTES} bytes; the JSON and HTML files have
 * everything.
 */
final class MarkdownSummary {

    static final int MAX_RESULTS = 200;
    static final int MAX_SESSIONS = 100;
    static final int MAX_BYTES = 256 * 1024;

    private MarkdownSummary() {
    }

    static String render(CheckReport report) {
        StringBuilder md = new StringBuilder();
        String icon = switch (report.status()) {
            case "fail" -> "❌";
            case "warn" -> "⚠️";
            default -> "✅";
        };
        md.append("## ").append(icon).append(" Kaltura thresholds\n\n");
        md.append(report.headline()).append(".\n\n");
        List<RuleResult> results = new ArrayList<>(report.results());
        // Breaches first, then results without data, then passes; stable, so rule order is kept within each.
        results.sort(Comparator.comparingInt(MarkdownSummary::rank));
        if (!results.isEmpty()) {
            boolean previous = results.stream().anyMatch(r -> r.previous() != null);
            md.append(previous ? "| Verdict | Rule | Group | Actual | Previous | Change | Expected |\n"
                    + "|---|---|---|---|---|---|---|\n" : "| Verdict | Rule | Group | Actual | Expected |\n"
                    + "|---|---|---|---|---|\n");
            int shown = Math.min(results.size(), MAX_RESULTS);
            for (RuleResult r : results.subList(0, shown)) {
                md.append("| ").append(verdict(r)).append(" | ").append(cell(r.label())).append(" | ")
                        .append(cell(r.group() == null ? "" : r.group())).append(" | ").append(cell(r.actualText()));
                if (previous) {
                    md.append(" | ").append(cell(r.previousText())).append(" | ").append(cell(r.changeText()));
                }
                md.append(" | ").append(cell(r.expected())).append(" |\n");
            }
            if (results.size() > shown) {
                md.append("\n… and ").append(results.size() - shown)
                        .append(" more results: see summary.json or report.html.\n");
            }
            md.append('\n');
            List<RuleResult> withRows = results.stream().filter(r -> !r.offendingRows().isEmpty()
                    && r.verdict() == Verdict.FAIL).limit(20).toList();
            for (RuleResult r : withRows) {
                md.append("<details><summary>").append(html(r.label()))
                        .append(r.group() == null ? "" : " — " + html(r.group())).append(": ")
                        .append(html(r.actualText())).append("</summary>\n\n");
                for (OffendingRow row : r.offendingRows()) {
                    md.append("- ").append(r.rule().report().fileName()).append(": `")
                            .append(row.text().replace("`", "'")).append("`\n");
                }
                md.append("\n</details>\n\n");
            }
        }
        if (report.result().overview().isPresent()) {
            OverviewMarkdown.append(md, report, report.settings().timeZone());
        }
        return cap(md.toString());
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static int rank(RuleResult r) {
        return switch (r.verdict()) {
            case FAIL -> r.severity() == Severity.ERROR ? 0 : 1;
            case NO_DATA -> 2;
            case PASS -> 3;
        };
    }

    private static String verdict(RuleResult r) {
        return switch (ConsoleTable.verdict(r)) {
            case "FAIL" -> "❌ FAIL";
            case "WARN" -> "⚠️ WARN";
            case "PASS" -> "✅ PASS";
            default -> "➖ NO DATA";
        };
    }

    /** A table cell: pipes escaped, line breaks flattened, HTML-ish characters neutralised. */
    static String cell(String text) {
        return html(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Cuts the text at a line boundary below {@link #MAX_BYTES} bytes of UTF-8, saying so. */
    static String cap(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return text;
        }
        String cut = new String(bytes, 0, MAX_BYTES - 200, StandardCharsets.UTF_8);
        int lastLine = cut.lastIndexOf('\n');
        return cut.substring(0, Math.max(0, lastLine + 1))
                + "\n… cut to stay below GitHub's size limit: see summary.json or report.html.\n";
    }
}
