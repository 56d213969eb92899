package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Earlier values of the rules' quantities, for {@code vs previous} and the trend charts: an archive's check runs, or
 * a baseline {@code summary.json}. A quantity is what a rule measures without its bound (report, aggregate, metric,
 * grouping and filter), so a rule whose bound changes keeps its history.
 */
interface RuleHistory {

    /** Each group's value in the latest earlier run that had this quantity and group; the key "" is the whole report. */
    Map<String, Double> previous(String quantityKey) throws KalturaReportException;

    /** Up to {@code limit} latest values of the quantity for one group, oldest first. */
    List<Point> series(String quantityKey, String group, int limit) throws KalturaReportException;

    /** Records this run's results, all or nothing; a baseline records nothing. */
    void record(Run run, List<Entry> results) throws KalturaReportException;

    /** One earlier value. */
    record Point(Instant runAt, double value) {
    }

    /** A check run: when, and the range of the data it checked (ISO-8601 instants; null when unknown). */
    record Run(Instant runAt, String rangeFrom, String rangeTo) {
    }

    /** One rule result as kept: the bounds and values in the metric's units; null where there is none. */
    record Entry(String quantityKey, String rule, String group, Double actual, Double minimum, Double maximum,
            String verdict, Double previous) {
    }

    /** No history: every {@code vs previous} rule is NO DATA. */
    RuleHistory NONE = new RuleHistory() {
        @Override
        public Map<String, Double> previous(String quantityKey) {
            return Map.of();
        }

        @Override
        public List<Point> series(String quantityKey, String group, int limit) {
            return List.of();
        }

        @Override
        public void record(Run run, List<Entry> results) {
        }
    };
}
