package io.github.kalturareport.core.check.output;

import io.github.kalturareport.core.check.Rule.Severity;
import io.github.kalturareport.core.check.RuleResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text table of every result, for the build log: rule, group, actual, expected, verdict; with previous
 * and change after actual when some result has a previous value.
 */
final class ConsoleTable {

    private static final String[] HEADER = {"RULE", "GROUP", "ACTUAL", "EXPECTED", "VERDICT"};

    private ConsoleTable() {
    }

    private static final String[] HEADER_WITH_PREVIOUS = {"RULE", "GROUP", "ACTUAL", "PREVIOUS", "CHANGE",
        "EXPECTED", "VERDICT"};

    static List<String> lines(List<RuleResult> results) {
        boolean previous = results.stream().anyMatch(r -> r.previous() != null);
        String[] header = previous ? HEADER_WITH_PREVIOUS : HEADER;
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (RuleResult r : results) {
            String group = r.group() == null ? "-" : r.group();
            rows.add(previous ? new String[] {r.label(), group, r.actualText(), dash(r.previousText()),
                dash(r.changeText()), r.expected(), verdict(r)}
                : new String[] {r.label(), group, r.actualText(), r.expected(), verdict(r)});
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            lines.add(line(rows.get(n), widths));
            if (n == 0) {
                String[] rule = new String[header.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                lines.add(line(rule, widths));
            }
        }
        return lines;
    }

    private static String dash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    /** {@code PASS}, {@code FAIL}, {@code WARN} (a breached warning rule) or {@code NO DATA}. */
    static String verdict(RuleResult r) {
        return switch (r.verdict()) {
            case PASS -> "PASS";
            case FAIL -> r.severity() == Severity.WARNING ? "WARN" : "FAIL";
            case NO_DATA -> "NO DATA";
        };
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append("  ");
            }
            b.append(cells[i]);
            if (i < cells.length - 1) {
                b.append(" ".repeat(widths[i] - cells[i].length()));
            }
        }
        return b.toString();
    }
}
