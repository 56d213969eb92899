package io.github.kalturareport.core.check;

import io.github.kalturareport.core.check.RuleResult.Verdict;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ThresholdChecker#check} found: the verdicts and everything the reports people read show. Nothing
 * is written; {@code core.check.output.CheckOutputs} writes the files from this.
 *
 * @param results   every verdict: per rule in the order given, per group in the order groups first appear
 * @param rules     the rules evaluated, in the order given
 * @param sessions  the session overview, or empty when neither rooms.csv nor attendees.csv was read
 * @param charts    what the charts show
 * @param checkedAt when the check ran
 * @param trends    each charted rule's and group's value over the earlier runs and this one; empty without history
 */
public record CheckResult(List<RuleResult> results, List<Rule> rules, Optional<List<SessionRow>> sessions,
        ChartData charts, Instant checkedAt, List<Trend> trends) {

    public CheckResult {
        results = List.copyOf(results);
        rules = List.copyOf(rules);
        sessions = sessions.map(List::copyOf);
        Objects.requireNonNull(charts, "charts");
        Objects.requireNonNull(checkedAt, "checkedAt");
        trends = List.copyOf(trends);
    }

    /** A result without trends. */
    public CheckResult(List<RuleResult> results, List<Rule> rules, Optional<List<SessionRow>> sessions,
            ChartData charts, Instant checkedAt) {
        this(results, rules, sessions, charts, checkedAt, List.of());
    }

    /** Breaches of {@code error} rules: the caller fails the build on these (unless told not to). */
    public List<RuleResult> errors() {
        return results.stream().filter(RuleResult::isError).toList();
    }

    /** Breaches of {@code warning} rules: reported, never a failure. */
    public List<RuleResult> warnings() {
        return results.stream().filter(RuleResult::isWarning).toList();
    }

    /** How many results have the verdict. */
    public long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    /**
     * One line of the session overview: a room's session, joined from rooms.csv and attendees.csv on
     * entry_id + cue_point_id.
     *
     * @param start                Unix seconds, NaN when unknown
     * @param uniqueAttendees      distinct users in attendees.csv, or the room report's unique users when the
     *                             session is only in rooms.csv
     * @param averageMinutesViewed NaN when the session has no attendee rows with a value
     * @param averageEngagement    a fraction; NaN when there is no value
     */
    public record SessionRow(String entryId, String roomName, String cuePointId, double start, long uniqueAttendees,
            double averageMinutesViewed, double averageEngagement) {
    }

    /**
     * What the HTML report's charts show.
     *
     * @param hasRooms          whether rooms.csv was read with the columns the rooms charts need
     * @param points            sessions on the engagement-over-time chart (a uniform sample), oldest first
     * @param sessionsSeen      how many sessions the sample was drawn from
     * @param roomsByEngagement every room's mean engagement over its sessions, best first
     * @param histograms        report name to the counts of engagement in [0,10%), [10%,20%) … [90%,100%], in the
     *                          order the reports were read
     */
    public record ChartData(boolean hasRooms, List<Point> points, long sessionsSeen, List<RoomMean> roomsByEngagement,
            Map<String, List<Long>> histograms) {

        public ChartData {
            points = List.copyOf(points);
            roomsByEngagement = List.copyOf(roomsByEngagement);
            Map<String, List<Long>> ordered = new LinkedHashMap<>();
            histograms.forEach((report, counts) -> ordered.put(report, List.copyOf(counts)));
            histograms = Collections.unmodifiableMap(ordered);
        }

        /** A session on the engagement-over-time chart: start in Unix seconds, engagement as a fraction. */
        public record Point(double start, double engagement, String room) {
        }

        /** A room's mean engagement over its sessions. */
        public record RoomMean(String entryId, String name, double engagement, long sessions) {
        }
    }

    /**
     * One rule's value for one group over the last runs, for the trend chart.
     *
     * @param rule   the rule
     * @param group  {@code column=value} as shown, or null for the whole report
     * @param points the earlier runs' values, oldest first, then this run's
     */
    public record Trend(Rule rule, String group, List<Point> points) {

        public Trend {
            Objects.requireNonNull(rule, "rule");
            points = List.copyOf(points);
        }

        /** A run's value, in the metric's units. */
        public record Point(Instant runAt, double value) {
        }
    }
}
