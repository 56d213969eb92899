package io.github.kalturareport.core.check.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalturareport.core.check.CheckResult.ChartData;
import io.github.kalturareport.core.check.Rule.Bound;
import io.github.kalturareport.core.check.Rule;
import io.github.kalturareport.core.check.RuleResult.OffendingRow;
import io.github.kalturareport.core.check.RuleResult;
import io.github.kalturareport.core.internal.format.Formats;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code report.html}: one self-contained page (no network fetch of any kind) with the verdicts, a chart per
 * report and the Overview ({@link OverviewHtml}). The charts are drawn in the browser by Chart.js, inlined from its
 * org.webjars artifact: a well-kept library whose one file works offline, rather than hand-made drawing code.
 */
final class HtmlReport {

    static final int MAX_RESULTS = 5000;
    static final int MAX_SESSIONS = 2000;
    /** How many of the best and of the worst rooms the ranking shows. */
    static final int TOP = 10;
    private static final String WEBJAR = "META-INF/resources/webjars/chart.js/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    static void write(CheckReport report, Writer out) throws IOException {
        ZoneId zone = report.settings().timeZone();
        List<Map<String, Object>> charts = charts(report, zone);
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Kaltura thresholds</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        out.write("<h1>Kaltura thresholds <span class=\"status " + report.status() + "\">"
                + report.status().toUpperCase(java.util.Locale.ROOT) + "</span></h1>\n");
        String when = report.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString();
        out.write("<p>" + esc(report.headline()) + ". Checked " + esc(when) + " from "
                + esc(report.settings().inputDirectory().toString()) + ".</p>\n");

        out.write("<h2>Threshold results</h2>\n");
        if (report.results().isEmpty()) {
            out.write("<p>No threshold rules were given.</p>\n");
        } else {
            boolean previous = report.results().stream().anyMatch(r -> r.previous() != null);
            out.write("<table class=\"results\">\n<thead><tr><th>Verdict</th><th>Rule</th><th>Group</th>"
                    + "<th>Actual</th>" + (previous ? "<th>Previous</th><th>Change</th>" : "")
                    + "<th>Expected</th><th>Details</th></tr></thead>\n<tbody>\n");
            int shown = Math.min(MAX_RESULTS, report.results().size());
            for (RuleResult r : report.results().subList(0, shown)) {
                String verdict = ConsoleTable.verdict(r);
                out.write("<tr class=\"" + verdict.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "\"><td>"
                        + esc(verdict) + "</td><td>" + esc(r.label()) + "</td><td>"
                        + esc(r.group() == null ? "" : r.group()) + "</td><td class=\"num\">" + esc(r.actualText())
                        + (previous ? "</td><td class=\"num\">" + esc(r.previousText()) + "</td><td class=\"num\">"
                                + esc(r.changeText()) : "") + "</td><td>" + esc(r.expected()) + "</td><td>" + offending(r) + "</td></tr>\n");
            }
            out.write("</tbody>\n</table>\n");
            if (report.results().size() > shown) {
                out.write("<p>… and " + (report.results().size() - shown) + " more results in summary.json.</p>\n");
            }
        }

        out.write("<h2>Charts</h2>\n<div class=\"charts\">\n");
        for (Map<String, Object> chart : charts) {
            out.write("<figure class=\"chart\"><figcaption>" + esc((String) chart.get("title"))
                    + "</figcaption><div class=\"canvas\"><canvas id=\"" + chart.get("id")
                    + "\" role=\"img\" aria-label=\"" + esc((String) chart.get("title")) + "\"></canvas></div>"
                    + "<p class=\"note\">" + esc((String) chart.get("note")) + "</p></figure>\n");
        }
        if (charts.isEmpty()) {
            out.write("<p>No rooms.csv, attendees.csv or breakouts.csv to chart.</p>\n");
        }
        out.write("</div>\n");
        List<Map<String, Object>> trends = TrendCharts.charts(report);
        TrendCharts.write(out, trends);
        charts.addAll(trends);

        OverviewHtml.write(out, report, zone);

        out.write("<script type=\"application/json\" id=\"chart-data\">");
        out.write(JSON.writeValueAsString(charts).replace("</", "<\\/"));
        out.write("</script>\n<script>\n");
        out.write(chartJs());
        out.write("\n</script>\n<script>\n" + INIT + "</script>\n</body>\n</html>\n");
    }

    private static String offending(RuleResult r) {
        if (r.offendingRows().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (OffendingRow row : r.offendingRows()) {
            b.append(b.length() == 0 ? "" : "<br>").append(esc(row.text()));
        }
        return b.append(r.actual() != null && r.actual() > r.offendingRows().size() ? "<br>…" : "")
                .toString();
    }

    /** The Chart.js configurations, as data: the page's script hands each to {@code new Chart}. */
    private static List<Map<String, Object>> charts(CheckReport report, ZoneId zone) {
        List<Map<String, Object>> charts = new ArrayList<>();
        ChartData data = report.result().charts();
        if (data.hasRooms()) {
            List<ChartData.Point> points = data.points();
            List<String> labels = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (ChartData.Point p : points) {
                labels.add(Formats.time(p.start(), zone) + " " + p.room());
                values.add(pct(p.engagement()));
            }
            List<Map<String, Object>> datasets = new ArrayList<>();
            datasets.add(dataset("Session engagement", values, "#2563eb", false));
            for (Rule rule : report.result().rules()) {
                if (rule.report().equals(ReportDefinition.ROOMS)
                        && rule.column().equals("meeting_engaged_play_time_ratio")) {
                    for (Bound b : new Bound[] {rule.lower(), rule.upper()}) {
                        if (b != null) {
                            List<Object> line = new ArrayList<>();
                            points.forEach(p -> line.add(pct(b.value())));
                            datasets.add(dataset("Threshold " + b.text() + " (" + rule.label() + ")", line,
                                    "#dc2626", true));
                        }
                    }
                }
            }
            String note = data.sessionsSeen() > points.size() ? "A random sample of " + points.size() + " of "
                    + data.sessionsSeen() + " sessions." : points.size() + " sessions.";
            charts.add(chart("chart-rooms-over-time", "line", "Rooms: engagement per session over time",
                    note, labels, datasets, "y", false));

            List<ChartData.RoomMean> rooms = data.roomsByEngagement();
            List<ChartData.RoomMean> shown = new ArrayList<>();
            if (rooms.size() <= 2 * TOP) {
                shown.addAll(rooms);
            } else {
                shown.addAll(rooms.subList(0, TOP));
                shown.addAll(rooms.subList(rooms.size() - TOP, rooms.size()));
            }
            List<String> names = new ArrayList<>();
            List<Object> means = new ArrayList<>();
            for (ChartData.RoomMean r : shown) {
                names.add(r.name().isEmpty() ? r.entryId() : r.name());
                means.add(pct(r.engagement()));
            }
            charts.add(chart("chart-rooms-top-bottom", "bar", "Rooms: top and bottom rooms by mean engagement",
                    rooms.size() > shown.size() ? "The " + TOP + " best and " + TOP
                            + " worst of " + rooms.size() + " rooms." : rooms.size() + " rooms, best first.",
                    names, List.of(dataset("Mean engagement over sessions", means, "#059669", false)), "x", true));
        }
        for (Map.Entry<String, List<Long>> h : data.histograms().entrySet()) {
            List<String> bins = new ArrayList<>();
            List<Object> counts = new ArrayList<>();
            long total = 0;
            // Ten bins of 10% each.
            for (int i = 0; i < h.getValue().size(); i++) {
                bins.add(i * 10 + "–" + (i + 1) * 10 + "%");
                counts.add(h.getValue().get(i));
                total += h.getValue().get(i);
            }
            // Attendees and reactions (4021) have a row per user; rooms and breakouts a row per session.
            String what = h.getKey().equals("attendees") || h.getKey().equals("reactions") ? "attendee" : "session";
            charts.add(chart("chart-" + h.getKey() + "-spread", "bar",
                    capitalise(h.getKey()) + ": spread of " + what + " engagement",
                    total + " rows with an engagement value.", bins,
                    List.of(dataset(what.equals("attendee") ? "Attendee rows" : "Sessions", counts, "#7c3aed", false)),
                    null, false));
        }
        return charts;
    }

    static Map<String, Object> chart(String id, String type, String title, String note, List<String> labels,
            List<Map<String, Object>> datasets, String percentAxis, boolean horizontal) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        if (horizontal) {
            options.put("indexAxis", "y");
        }
        Map<String, Object> chartData = new LinkedHashMap<>();
        chartData.put("labels", labels);
        chartData.put("datasets", datasets);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", type);
        config.put("data", chartData);
        config.put("options", options);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", id);
        chart.put("title", title);
        chart.put("note", note);
        chart.put("percentAxis", percentAxis);
        // Every room name is shown on a ranking; Chart.js would otherwise skip every other label.
        chart.put("allLabels", horizontal ? "y" : null);
        chart.put("config", config);
        return chart;
    }

    static Map<String, Object> dataset(String label, List<Object> data, String colour, boolean line) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("label", label);
        d.put("data", data);
        d.put("borderColor", colour);
        d.put("backgroundColor", colour);
        if (line) {
            d.put("pointRadius", 0);
            d.put("borderDash", List.of(6, 4));
            d.put("borderWidth", 2);
        } else {
            d.put("showLine", false);
            d.put("pointRadius", 3);
        }
        return d;
    }

    static double pct(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Chart.js's UMD bundle from the webjar, without its source-map comment (which would point to a file). */
    static String chartJs() {
        ClassLoader loader = HtmlReport.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream(WEBJAR_POM)) {
            if (pom == null) {
                throw new IllegalStateException("Chart.js (org.webjars.npm:chart.js) is not on the classpath");
            }
            Properties p = new Properties();
            p.load(pom);
            String path = WEBJAR + p.getProperty("version") + "/dist/chart.umd.min.js";
            try (InputStream js = loader.getResourceAsStream(path)) {
                if (js == null) {
                    throw new IllegalStateException(path + " is not in the Chart.js webjar");
                }
                String code = new String(js.readAllBytes(), StandardCharsets.UTF_8);
                return code.replaceAll("(?m)^//# sourceMappingURL=.*$", "").replace("</script", "<\\/script");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em; color: #111827; }
            h1 .status { font-size: 0.55em; padding: 0.2em 0.6em; border-radius: 0.4em; vertical-align: middle; color: #fff; }
            .status.pass { background: #059669; } .status.warn { background: #d97706; } .status.fail { background: #dc2626; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
            th, td { border: 1px solid #d1d5db; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f3f4f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.fail td:first-child { color: #dc2626; font-weight: bold; }
            tr.warn td:first-child { color: #d97706; font-weight: bold; }
            tr.pass td:first-child { color: #059669; font-weight: bold; }
            tr.no-data td:first-child { color: #6b7280; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 1.5em; }
            figure.chart { margin: 0; border: 1px solid #e5e7eb; border-radius: 0.5em; padding: 0.8em; }
            figure.chart figcaption { font-weight: bold; margin-bottom: 0.5em; }
            .canvas { position: relative; height: 320px; }
            .note { color: #6b7280; font-size: 0.85em; margin: 0.4em 0 0; }
            """;

    private static final String INIT = """
            (function () {
              var charts = JSON.parse(document.getElementById('chart-data').textContent);
              charts.forEach(function (c) {
                var canvas = document.getElementById(c.id);
                if (!canvas || typeof Chart === 'undefined') { return; }
                c.config.options.scales = {};
                if (c.allLabels) {
                  c.config.options.scales[c.allLabels] = { ticks: { autoSkip: false } };
                }
                if (c.percentAxis) {
                  c.config.options.scales[c.percentAxis] = {
                    min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } };
                }
                new Chart(canvas, c.config);
              });
            })();
            """;
}
