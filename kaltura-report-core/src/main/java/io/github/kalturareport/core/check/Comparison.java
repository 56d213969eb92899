package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.CheckResult.Trend;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A check's results set against the rules' history: each result gets its quantity's previous value (one look-up
 * per rule), a {@code vs previous} rule is judged on the change, the trend series are gathered, and this run's
 * entries are made for the history to record.
 */
final class Comparison {

    /** How many earlier runs a trend shows, before this one. */
    static final int TREND_RUNS = 12;
    /** How many groups of a grouped rule a trend shows: breaches first, then those that moved most. */
    static final int TREND_GROUPS = 5;

    private Comparison() {
    }

    /** The results with their previous values, {@code vs previous} rules judged on the change. */
    static List<RuleResult> compare(List<RuleResult> results, RuleHistory history) throws KalturaReportException {
        Map<Rule, Map<String, Double>> previous = new IdentityHashMap<>();
        List<RuleResult> compared = new ArrayList<>(results.size());
        for (RuleResult r : results) {
            Rule rule = r.rule();
            if (rule.aggregate().kind() == Aggregate.Kind.EACH) {
                compared.add(r); // every row on its own: no one value to set against an earlier one
                continue;
            }
            Map<String, Double> values = previous.get(rule);
            if (values == null) {
                values = history.previous(rule.quantityKey());
                previous.put(rule, values);
            }
            compared.add(judge(r, values.get(r.historyGroup())));
        }
        return compared;
    }

    private static RuleResult judge(RuleResult r, Double before) {
        Verdict verdict = r.verdict();
        if (r.rule().vsPrevious() && r.actual() != null) {
            // No earlier value is no data, never a breach: the first run of a new rule must not fail.
            verdict = before == null ? Verdict.NO_DATA
                    : r.rule().accepts(r.actual() - before) ? Verdict.PASS : Verdict.FAIL;
        }
        return new RuleResult(r.rule(), r.group(), r.actual(), verdict, r.rows(), r.offendingRows(), r.seconds(),
                before);
    }

    /**
     * Each rule's trend: the whole report's value, or for a grouped rule up to {@value #TREND_GROUPS} groups
     * (breaches first, then the largest changes since the previous run); only where the history has an earlier
     * value, as one point is no trend.
     */
    static List<Trend> trends(List<RuleResult> results, RuleHistory history, Instant now)
            throws KalturaReportException {
        Map<Rule, List<RuleResult>> byRule = new LinkedHashMap<>();
        for (RuleResult r : results) {
            if (r.actual() != null && r.rule().aggregate().kind() != Aggregate.Kind.EACH) {
                byRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Trend> trends = new ArrayList<>();
        for (List<RuleResult> ofRule : byRule.values()) {
            List<RuleResult> chosen = new ArrayList<>(ofRule);
            chosen.sort(Comparator.comparingInt((RuleResult r) -> r.verdict() == Verdict.FAIL ? 0 : 1)
                    .thenComparingDouble(r -> r.change() == null ? 0 : -Math.abs(r.change())));
            for (RuleResult r : chosen.subList(0, Math.min(TREND_GROUPS, chosen.size()))) {
                List<RuleHistory.Point> earlier = history.series(r.rule().quantityKey(), r.historyGroup(),
                        TREND_RUNS);
                if (earlier.isEmpty()) {
                    continue;
                }
                List<Trend.Point> points = new ArrayList<>();
                earlier.forEach(p -> points.add(new Trend.Point(p.runAt(), p.value())));
                points.add(new Trend.Point(now, r.actual()));
                trends.add(new Trend(r.rule(), r.group(), points));
            }
        }
        return trends;
    }

    /** This run's results as the history keeps them: values and bounds in the metric's units. */
    static List<RuleHistory.Entry> entries(List<RuleResult> results) {
        List<RuleHistory.Entry> entries = new ArrayList<>(results.size());
        for (RuleResult r : results) {
            Rule rule = r.rule();
            entries.add(new RuleHistory.Entry(rule.quantityKey(), rule.text(), r.historyGroup(), r.actual(),
                    rule.lower() == null ? null : rule.lower().value(),
                    rule.upper() == null ? null : rule.upper().value(), r.verdict().name(), r.previous()));
        }
        return entries;
    }
}
