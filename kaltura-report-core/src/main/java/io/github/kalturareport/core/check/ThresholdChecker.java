package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.Vocabulary;
import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks threshold rules against fetched report CSVs, without any network: one streaming pass per report file
 * evaluates all of that report's rules and gathers the session overview and chart data. It writes nothing: the
 * {@link CheckResult} holds what the outputs show ({@code core.check.output.CheckOutputs} writes them). A breach
 * is a result, never an exception: the caller decides whether to fail.
 */
public final class ThresholdChecker {

    private ThresholdChecker() {
    }

    /**
     * Reads the CSVs, evaluates every rule and returns the verdicts with the session overview and chart data.
     *
     * @param listener told of every result as it is known; may be null
     * @throws KalturaReportException when an input file a rule needs is missing or unreadable, or a rule names a
     *                                column its file lacks ({@link io.github.kalturareport.core.RuleException})
     */
    public static CheckResult check(CheckSettings settings, CheckListener listener) throws KalturaReportException {
        // The history first: a baseline that cannot serve is a bad setting, found before any CSV is read.
        return check(settings, listener, RuleHistories.forCheck(settings));
    }

    /**
     * {@link #check(CheckSettings, CheckListener)} against the given history, which then records this run.
     *
     * @throws KalturaReportException also when the history cannot be read or written
     */
    static CheckResult check(CheckSettings settings, CheckListener listener, RuleHistory history)
            throws KalturaReportException {
        CheckListener events = listener != null ? listener : new CheckListener() {
        };
        Path input = settings.inputDirectory();
        Vocabulary words = settings.vocabulary();
        if (!Files.isDirectory(input)) {
            throw new KalturaReportException("The inputDirectory " + input + " does not exist. Run "
                    + words.fetchCommand() + " first, or set " + words.setting("inputDirectory")
                    + " to the folder holding the fetched CSVs.");
        }
        Map<ReportDefinition, List<Rule>> rulesByReport = new LinkedHashMap<>();
        for (Rule rule : settings.rules()) {
            rulesByReport.computeIfAbsent(rule.report(), r -> new ArrayList<>()).add(rule);
        }
        for (Map.Entry<ReportDefinition, List<Rule>> e : rulesByReport.entrySet()) {
            Path file = input.resolve(e.getKey().fileName());
            if (!Files.isRegularFile(file)) {
                throw new KalturaReportException(e.getKey().fileName() + " is not in " + input + ", but the rule '"
                        + e.getValue().get(0).label() + "' reads it. Run " + words.fetchCommand() + " first with"
                        + " reports including " + e.getKey().name() + ", or point " + words.setting("inputDirectory")
                        + " at the folder that holds it.");
            }
        }
        Set<ReportDefinition> reports = new LinkedHashSet<>(rulesByReport.keySet());
        for (ReportDefinition documented : ReportDefinition.documented()) {
            if (Files.isRegularFile(input.resolve(documented.fileName()))) {
                reports.add(documented);
            } else {
                events.warning(documented.fileName() + " is not in " + input + ": the report shows no "
                        + documented.name() + " figures.");
            }
        }
        for (ReportDefinition source : Interactions.SOURCES) {
            // Read when fetched, for the Overview's shares; never asked for, so never missed.
            if (Files.isRegularFile(input.resolve(source.fileName()))) {
                reports.add(source);
            }
        }

        Interactions interactions = new Interactions();
        SessionOverview overview = new SessionOverview(interactions);
        ChartCollector charts = new ChartCollector();
        Map<Rule, List<RuleResult>> resultsByRule = new IdentityHashMap<>();
        List<ReportFile> files = new ArrayList<>();
        try {
            // Open every file and check every rule's columns first, so a bad column fails before any pass.
            Map<ReportFile, List<RuleEvaluation>> plan = new LinkedHashMap<>();
            for (ReportDefinition report : readingOrder(reports)) {
                ReportFile file = ReportFile.open(input.resolve(report.fileName()), report, words);
                files.add(file);
                List<RuleEvaluation> evaluations = new ArrayList<>();
                RowIdentity identity = new RowIdentity(file, settings.personalData(), settings.timeZone());
                for (Rule rule : rulesByReport.getOrDefault(report, List.of())) {
                    evaluations.add(new RuleEvaluation(rule, file, identity, settings.personalData()));
                }
                plan.put(file, evaluations);
            }
            for (Map.Entry<ReportFile, List<RuleEvaluation>> e : plan.entrySet()) {
                pass(e.getKey(), e.getValue(), overview, interactions, charts, resultsByRule, words);
            }
        } finally {
            for (ReportFile file : files) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // read-only; nothing is lost
                }
            }
        }

        List<RuleResult> evaluated = new ArrayList<>();
        for (Rule rule : settings.rules()) {
            evaluated.addAll(resultsByRule.get(rule));
        }
        Instant checkedAt = Instant.now();
        List<RuleResult> results = Comparison.compare(evaluated, history);
        results.forEach(events::ruleEvaluated);
        List<CheckResult.Trend> trends = Comparison.trends(results, history, checkedAt);
        history.record(ManifestRange.run(input, checkedAt), Comparison.entries(results));
        return new CheckResult(results, settings.rules(), overview.available() ? Optional.of(overview.rows())
                : Optional.empty(), charts.data(), checkedAt, trends,
                overview.available() || interactions.available() ? Optional.of(overview.overview()) : Optional.empty());
    }

    /** The Overview's chat and reaction sources first: the attendees' pass matches its viewers against them. */
    private static List<ReportDefinition> readingOrder(Set<ReportDefinition> reports) {
        List<ReportDefinition> order = new ArrayList<>();
        reports.stream().filter(Interactions.SOURCES::contains).forEach(order::add);
        reports.stream().filter(r -> !Interactions.SOURCES.contains(r)).forEach(order::add);
        return order;
    }

    /** The one pass over a file: every rule of the report, the overview and the charts see each row once. */
    private static void pass(ReportFile file, List<RuleEvaluation> evaluations, SessionOverview overview,
            Interactions interactions, ChartCollector charts, Map<Rule, List<RuleResult>> resultsByRule,
            Vocabulary words)
            throws KalturaReportException {
        long started = System.nanoTime();
        List<RowConsumer> consumers = new ArrayList<>();
        ReportDefinition report = file.report();
        if (report.equals(ReportDefinition.ROOMS)) {
            addIfPresent(consumers, overview.rooms(file));
            addIfPresent(consumers, charts.rooms(file));
        } else if (report.equals(ReportDefinition.ATTENDEES)) {
            addIfPresent(consumers, overview.attendees(file));
        } else if (Interactions.SOURCES.contains(report)) {
            addIfPresent(consumers, interactions.consumer(file));
        }
        addIfPresent(consumers, charts.engagementSpread(file));
        RuleEvaluation[] rules = evaluations.toArray(new RuleEvaluation[0]);
        RowConsumer[] others = consumers.toArray(new RowConsumer[0]);
        CsvRow row;
        while ((row = file.next()) != null) {
            long line = file.lastLine();
            for (RuleEvaluation rule : rules) {
                rule.accept(row, line);
            }
            for (RowConsumer other : others) {
                other.accept(row, line);
            }
        }
        if (report.equals(ReportDefinition.ATTENDEES) && overview.needsRecount()) {
            // Rare: a session's rows were not together; count its unique users again (see SessionOverview).
            try (ReportFile again = ReportFile.open(file.path(), report, words)) {
                overview.recount(again);
            } catch (IOException e) {
                // read-only; nothing is lost
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (RuleEvaluation rule : rules) {
            resultsByRule.put(rule.rule(), rule.results(seconds / rules.length));
        }
    }

    private static void addIfPresent(List<RowConsumer> consumers, RowConsumer c) {
        if (c != null) {
            consumers.add(c);
        }
    }
}
