package io.github.kalturareport.core.check.output;

import static io.github.kalturareport.core.check.output.MarkdownSummary.cell;

import io.github.kalturareport.core.check.CheckResult.Overview;
import java.time.ZoneId;

/**
 * The Overview section of {@code summary.md}: the total first, then at most {@value MarkdownSummary#MAX_SESSIONS}
 * sessions.
 */
final class OverviewMarkdown {

    private OverviewMarkdown() {
    }

    static void append(StringBuilder md, CheckReport report, ZoneId zone) {
        md.append("### Overview\n\n");
        Overview overview = report.result().overview().orElse(null);
        if (overview == null) {
            md.append("No rooms.csv, attendees.csv, reactions.csv or chat data.\n");
            return;
        }
        OverviewTable table = new OverviewTable(overview, report.sessions(), zone, MarkdownSummary.MAX_SESSIONS);
        md.append("| Room | Session | Start (").append(zone.getId()).append(") |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (OverviewTable.Column c : table.columns) {
            md.append(' ').append(cell(c.header())).append(" |");
            rule.append("---:|");
        }
        md.append('\n').append(rule).append('\n');
        for (OverviewTable.Row row : table.rows) {
            md.append("| ").append(row.total() ? "**" + row.room() + "**" : cell(row.room())).append(" | ")
                    .append(cell(row.session())).append(" | ").append(row.start()).append(" |");
            for (String figure : row.figures()) {
                md.append(' ').append(figure).append(" |");
            }
            md.append('\n');
        }
        if (table.more > 0) {
            md.append("\n… and ").append(table.more).append(" more sessions: see summary.json or report.html.\n");
        }
        md.append('\n');
        for (String note : table.notes) {
            md.append("- ").append(cell(note)).append('\n');
        }
    }
}
