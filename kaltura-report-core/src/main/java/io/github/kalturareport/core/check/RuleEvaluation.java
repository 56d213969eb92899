package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.RuleException;
import io.github.kalturareport.core.check.RuleResult.OffendingRow;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.internal.collect.DoubleList;
import io.github.kalturareport.core.internal.collect.LongHashSet;
import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.internal.privacy.Shareable;
import io.github.kalturareport.core.report.ColumnDefinition.Personal;
import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.PersonalData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule being evaluated during the single pass over its report: column indices are looked up once, each row
 * updates the accumulator of its group, and memory stays bounded per group (see {@link Accumulator}).
 */
final class RuleEvaluation {

    /** How many offending rows an {@code each} rule lists per group. */
    static final int LISTED_ROWS = 10;

    private final Rule rule;
    private final ReportFile file;
    private final int metric;
    private final int group;
    private final int where;
    /** For {@code wmean}, the view-time column that weighs each row; else -1. */
    private final int weight;
    private final String weightColumn;
    private final double whereNumber;
    /** The where value's bytes, to recognise a cell that is exactly it without decoding; null if it has spaces. */
    private final byte[] whereBytes;
    private final boolean numeric;
    /** Groups in the order they first appear in the file. */
    private final Map<String, Accumulator> groups = new LinkedHashMap<>();
    private final Accumulator all;
    /** Names an offending row; how a group's value may be shown. */
    private final RowIdentity identity;
    private final Personal groupKind;

    /**
     * Looks the rule's columns up in the file's header.
     *
     * @param identity names the file's offending rows
     * @param personal tells which columns are personal, so a group's value is shown as it may be
     * @throws RuleException when the header lacks one of them (the caret points at the rule's column)
     */
    RuleEvaluation(Rule rule, ReportFile file, RowIdentity identity, PersonalData personal) throws RuleException {
        this.rule = rule;
        this.file = file;
        this.identity = identity;
        this.groupKind = rule.groupBy() == null ? Personal.NONE : personal.kind(file.report(), rule.groupBy());
        this.metric = index(rule.column(), "metric");
        this.group = rule.groupBy() == null ? -1 : index(rule.groupBy(), "groupBy");
        this.where = rule.whereColumn() == null ? -1 : index(rule.whereColumn(), "whereColumn");
        this.weightColumn = rule.aggregate().kind() == Aggregate.Kind.WMEAN
                ? Aggregate.weightColumn(rule.report()).orElseThrow() : null;
        this.weight = weightColumn == null ? -1 : index(weightColumn, "aggregate");
        double n;
        try {
            n = rule.whereValue() == null ? Double.NaN : Double.parseDouble(rule.whereValue());
        } catch (NumberFormatException text) {
            n = Double.NaN;
        }
        this.whereNumber = n;
        String wv = rule.whereValue();
        this.whereBytes = wv == null || !wv.equals(wv.strip()) ? null : wv.getBytes(StandardCharsets.UTF_8);
        this.numeric = rule.aggregate().kind().numeric();
        this.all = group < 0 ? new Accumulator(rule, identity) : null;
    }

    private int index(String column, String part) throws RuleException {
        int i = file.index(column);
        if (i < 0) {
            String known = file.report().column(column)
                    .map(c -> " (nor its descriptive name '" + c.descriptiveName() + "')").orElse("");
            String dropped = file.report().column(column).filter(ColumnDefinition::isPersonal)
                    .map(c -> " It holds personal data: a fetch with personalData=drop leaves it out, and the check"
                            + " refuses rules on it when given the same personalData.").orElse("");
            throw rule.source().error(part, file.name() + " has no column " + column + known + "; its header is: "
                    + String.join(", ", file.columns()) + ". Fix the rule, or fetch the report again." + dropped);
        }
        return i;
    }

    /**
     * Takes one row into account. Text is built only where it is needed (a new group, a where value that is not
     * a plain number, {@code count} and {@code distinct}, an offending row of {@code each}): most rows allocate
     * nothing.
     */
    void accept(CsvRow row, long line) throws KalturaReportException {
        Accumulator acc = all;
        if (group >= 0) {
            acc = groupOf(row);
        }
        if (where >= 0 && !matches(row)) {
            return;
        }
        if (numeric) {
            // number() is NaN exactly when the stripped cell is empty.
            double value = file.number(row, metric, rule.column(), line);
            if (weight >= 0) {
                double w = file.number(row, weight, weightColumn, line);
                if (!Double.isNaN(value) && !Double.isNaN(w)) {
                    acc.addWeighted(value, w);
                }
            } else if (!Double.isNaN(value)) {
                acc.add(row, metric, null, value, line);
            }
            return;
        }
        String cell = ReportFile.cell(row, metric);
        if (!cell.isEmpty()) {
            acc.add(row, metric, cell, Double.NaN, line);
        }
    }

    /** The previous row's group cell, exactly as read, and its accumulator: a group's rows often come together. */
    private byte[] lastGroupCell;
    private Accumulator lastGroup;

    private Accumulator groupOf(CsvRow row) {
        if (lastGroup != null && ReportFile.rawEquals(row, group, lastGroupCell)) {
            return lastGroup;
        }
        String key = ReportFile.cell(row, group);
        Accumulator acc = groups.get(key);
        if (acc == null) {
            acc = new Accumulator(rule, identity);
            groups.put(key, acc);
        }
        lastGroupCell = ReportFile.rawBytes(row, group);
        lastGroup = acc;
        return acc;
    }

    /** Whether the row's where cell is the rule's value, as text or as the same number. */
    private boolean matches(CsvRow row) {
        if (whereBytes != null && ReportFile.rawEquals(row, where, whereBytes)) {
            return true; // the cell is the value as written, so its stripped text equals it too
        }
        if (!Double.isNaN(whereNumber) && where < row.size()) {
            double plain = row.decimal(where);
            if (!Double.isNaN(plain)) {
                // A plain decimal: Double.parseDouble of the stripped cell gives the same double.
                return plain == whereNumber;
            }
        }
        return matches(ReportFile.cell(row, where));
    }

    private boolean matches(String cell) {
        if (cell.equals(rule.whereValue())) {
            return true;
        }
        if (Double.isNaN(whereNumber) || cell.isEmpty()) {
            return false;
        }
        try {
            return Double.parseDouble(cell) == whereNumber;
        } catch (NumberFormatException text) {
            return false;
        }
    }

    /** The verdicts: one per group in the order the groups first appear, or one for the whole report. */
    List<RuleResult> results(double seconds) {
        List<RuleResult> results = new ArrayList<>();
        if (all != null) {
            results.add(all.result(null, seconds));
        } else if (groups.isEmpty()) {
            // No rows at all: the grouped rule still gets its one verdict, by onEmpty.
            results.add(new Accumulator(rule, identity).result(null, seconds));
        } else {
            double share = seconds / groups.size();
            for (Map.Entry<String, Accumulator> e : groups.entrySet()) {
                results.add(e.getValue().result(rule.groupBy() + "=" + Shareable.value(groupKind, e.getKey()),
                        share));
            }
        }
        return results;
    }

    Rule rule() {
        return rule;
    }

    /**
     * The running state of a rule for one group. Constant memory, except: a percentile keeps the group's
     * values (8 bytes each) because it is exact; {@code distinct} keeps one 64-bit hash per distinct value
     * (8–16 bytes each); {@code each} keeps at most {@link #LISTED_ROWS} offending rows.
     */
    static final class Accumulator {
        private final Rule rule;
        private long count;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;
        /** For {@code wmean}: the sum of the weights ({@code sum} holds the sum of value × weight). */
        private double weights;
        private final DoubleList values;
        private final LongHashSet distinct;
        private long offending;
        private final List<OffendingRow> offenders;
        private final RowIdentity identity;

        Accumulator(Rule rule, RowIdentity identity) {
            this.rule = rule;
            this.identity = identity;
            Aggregate.Kind kind = rule.aggregate().kind();
            this.values = kind == Aggregate.Kind.PERCENTILE ? new DoubleList() : null;
            this.distinct = kind == Aggregate.Kind.DISTINCT ? new LongHashSet() : null;
            this.offenders = kind == Aggregate.Kind.EACH ? new ArrayList<>() : null;
        }

        /**
         * @param cell  the stripped cell for {@code count} and {@code distinct}; null for the numeric aggregates,
         *              which read only {@code value} (and {@code each} builds the text of a listed row from
         *              {@code row})
         */
        void add(CsvRow row, int index, String cell, double value, long line) {
            count++;
            switch (rule.aggregate().kind()) {
                case MIN -> min = Math.min(min, value);
                case MAX -> max = Math.max(max, value);
                case MEAN, SUM -> sum += value;
                case WMEAN -> throw new IllegalStateException("wmean rows go to addWeighted");
                case PERCENTILE -> values.add(value);
                case DISTINCT -> distinct.add(LongHashSet.hash(cell));
                case EACH -> {
                    if (!rule.accepts(value)) {
                        offending++;
                        if (offenders.size() < LISTED_ROWS) {
                            offenders.add(new OffendingRow(line, Shareable.maskEmails(ReportFile.cell(row, index)),
                                    identity.of(row)));
                        }
                    }
                }
                case COUNT -> {
                    // the count is all it needs
                }
            }
        }

        /** A {@code wmean} row: two doubles per group, whatever the number of rows. */
        void addWeighted(double value, double weight) {
            count++;
            sum += value * weight;
            weights += weight;
        }

        double value() {
            return switch (rule.aggregate().kind()) {
                case MIN -> min;
                case MAX -> max;
                case MEAN -> sum / count;
                case WMEAN -> sum / weights;
                case SUM -> sum;
                case COUNT -> count;
                case DISTINCT -> distinct.size();
                case PERCENTILE -> values.percentile(rule.aggregate().percentile());
                case EACH -> offending;
            };
        }

        RuleResult result(String groupName, double seconds) {
            // A wmean whose rows all weigh nothing (no view time) has no mean: empty data, as no rows.
            if (count == 0 || (rule.aggregate().kind() == Aggregate.Kind.WMEAN && weights == 0)) {
                Verdict verdict = switch (rule.onEmpty()) {
                    case NODATA -> Verdict.NO_DATA;
                    case PASS -> Verdict.PASS;
                    case FAIL -> Verdict.FAIL;
                };
                return new RuleResult(rule, groupName, null, verdict, 0, List.of(), seconds);
            }
            if (count < rule.minRows()) {
                // Too small a sample to judge either way: never a pass, never a breach.
                return new RuleResult(rule, groupName, null, Verdict.NO_DATA, count, List.of(), seconds);
            }
            double value = value();
            if (rule.aggregate().kind() == Aggregate.Kind.EACH) {
                Verdict verdict = offending == 0 ? Verdict.PASS : Verdict.FAIL;
                return new RuleResult(rule, groupName, value, verdict, count, offenders, seconds);
            }
            Verdict verdict = rule.accepts(value) ? Verdict.PASS : Verdict.FAIL;
            return new RuleResult(rule, groupName, value, verdict, count, List.of(), seconds);
        }
    }
}
