package io.github.kalturareport.core.check.output;

import static io.github.kalturareport.core.check.output.HtmlReport.esc;

import io.github.kalturareport.core.check.CheckResult.Overview;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;

/**
 * The Overview section of {@code report.html}. Each figure's cell names what it is ({@code data-figure}) and each
 * row its scope ({@code data-scope}, and {@code data-entry} / {@code data-session} for a session), so a reader or
 * a test finds a figure without counting columns.
 */
final class OverviewHtml {

    private OverviewHtml() {
    }

    static void write(Writer out, CheckReport report, ZoneId zone) throws IOException {
        out.write("<h2>Overview</h2>\n");
        Overview overview = report.result().overview().orElse(null);
        if (overview == null) {
            out.write("<p>No rooms.csv, attendees.csv, reactions.csv or chat data.</p>\n");
            return;
        }
        OverviewTable table = new OverviewTable(overview, report.sessions(), zone, HtmlReport.MAX_SESSIONS);
        out.write("<table class=\"overview sessions\">\n<thead><tr><th>Room</th><th>Session</th><th>Start ("
                + esc(zone.getId()) + ")</th>");
        for (OverviewTable.Column c : table.columns) {
            out.write("<th>" + esc(c.header()) + "</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
        for (OverviewTable.Row row : table.rows) {
            if (row.total()) {
                out.write("<tr class=\"total\" data-scope=\"total\"><th colspan=\"3\">" + esc(row.room()) + "</th>");
            } else {
                out.write("<tr data-scope=\"session\" data-entry=\"" + esc(row.entryId()) + "\" data-session=\""
                        + esc(row.session()) + "\"><td>" + esc(row.room()) + "</td><td>" + esc(row.session())
                        + "</td><td>" + esc(row.start()) + "</td>");
            }
            for (int i = 0; i < table.columns.size(); i++) {
                out.write("<td class=\"num\" data-figure=\"" + table.columns.get(i).key() + "\">"
                        + esc(row.figures().get(i)) + "</td>");
            }
            out.write("</tr>\n");
        }
        out.write("</tbody>\n</table>\n");
        if (table.more > 0) {
            out.write("<p>… and " + table.more + " more sessions in summary.json.</p>\n");
        }
        for (String note : table.notes) {
            out.write("<p class=\"note\">" + esc(note) + "</p>\n");
        }
    }
}
