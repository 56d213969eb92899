package io.github.kalturareport.core.check.output;

import io.github.kalturareport.core.check.CheckResult.Trend;
import io.github.kalturareport.core.check.Rule.Bound;
import io.github.kalturareport.core.check.Rule;
import io.github.kalturareport.core.check.RuleResult;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The HTML report's trend charts: per rule, its value over the earlier runs the history holds and this run, one
 * line for the whole report or per charted group (the check picks at most five: breaches first, then the largest
 * changes). A plain rule's bounds are dashed lines; a {@code vs previous} rule's bounds judge the change, so they
 * are not drawn. A rule without any earlier value has no chart, and without history the section is left out.
 */
final class TrendCharts {

    /** At most this many rules get a chart, in the order given. */
    static final int MAX_RULES = 20;
    private static final String[] COLOURS = {"#2563eb", "#059669", "#d97706", "#7c3aed", "#db2777"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TrendCharts() {
    }

    /** The chart configurations, in the shape {@link HtmlReport} hands to Chart.js. */
    static List<Map<String, Object>> charts(CheckReport report) {
        ZoneId zone = report.settings().timeZone();
        Map<Rule, List<Trend>> byRule = new LinkedHashMap<>();
        for (Trend t : report.result().trends()) {
            if (byRule.containsKey(t.rule()) || byRule.size() < MAX_RULES) {
                byRule.computeIfAbsent(t.rule(), k -> new ArrayList<>()).add(t);
            }
        }
        List<Map<String, Object>> charts = new ArrayList<>();
        int n = 0;
        for (Map.Entry<Rule, List<Trend>> e : byRule.entrySet()) {
            Rule rule = e.getKey();
            TreeSet<Instant> runs = new TreeSet<>();
            e.getValue().forEach(t -> t.points().forEach(p -> runs.add(p.runAt())));
            List<String> labels = new ArrayList<>();
            runs.forEach(at -> labels.add(TIME.format(at.atZone(zone))));
            List<Map<String, Object>> datasets = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                Trend t = e.getValue().get(i);
                Map<Instant, Double> values = new LinkedHashMap<>();
                t.points().forEach(p -> values.put(p.runAt(), p.value()));
                List<Object> data = new ArrayList<>();
                runs.forEach(at -> data.add(values.containsKey(at) ? shown(rule, values.get(at)) : null));
                Map<String, Object> line = HtmlReport.dataset(t.group() == null ? "Whole report" : t.group(), data,
                        COLOURS[i % COLOURS.length], false);
                line.put("showLine", true);
                line.put("spanGaps", true);
                datasets.add(line);
            }
            if (!rule.vsPrevious()) {
                for (Bound b : new Bound[] {rule.lower(), rule.upper()}) {
                    if (b != null) {
                        List<Object> line = new ArrayList<>();
                        runs.forEach(at -> line.add(shown(rule, b.value())));
                        datasets.add(HtmlReport.dataset("Bound " + b.text(), line, "#dc2626", true));
                    }
                }
            }
            long groups = report.results().stream().filter(r -> r.rule().equals(rule)).map(RuleResult::group).count();
            String note = runs.size() + " runs, the last is this one"
                    + (runs.size() == 2 ? " (the other is the baseline's, or the one earlier run)" : "") + "."
                    + (rule.groupBy() == null ? "" : " " + e.getValue().size() + " of " + groups
                            + " groups: breaches first, then the largest changes since the previous run.")
                    + (rule.vsPrevious() ? " The rule judges the change between runs." : "");
            charts.add(HtmlReport.chart("chart-trend-" + (++n), "line", "Trend: " + rule.label(), note, labels,
                    datasets, rule.percent() ? "y" : null, false));
        }
        return charts;
    }

    private static double shown(Rule rule, double value) {
        return rule.percent() ? HtmlReport.pct(value) : value;
    }

    /** The section with a canvas per chart; nothing when there is no chart. */
    static void write(Writer out, List<Map<String, Object>> charts) throws IOException {
        if (charts.isEmpty()) {
            return;
        }
        out.write("<h2>Trends</h2>\n<div class=\"charts\">\n");
        for (Map<String, Object> chart : charts) {
            String title = HtmlReport.esc((String) chart.get("title"));
            out.write("<figure class=\"chart\"><figcaption>" + title + "</figcaption><div class=\"canvas\"><canvas id=\""
                    + chart.get("id") + "\" role=\"img\" aria-label=\"" + title + "\"></canvas></div><p class=\"note\">"
                    + HtmlReport.esc((String) chart.get("note")) + "</p></figure>\n");
        }
        out.write("</div>\n");
    }
}
