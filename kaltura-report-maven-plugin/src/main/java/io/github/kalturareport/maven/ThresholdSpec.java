package io.github.kalturareport.maven;

import io.github.kalturareport.core.check.Threshold;

/**
 * A threshold as written in the POM's {@code <threshold>}: every value is the text the user wrote (or null when
 * absent). A mutable bean because Maven binds nested configuration through setters; Maven finds this class from
 * the generic type of {@code CheckMojo.thresholds}. The core takes it as an immutable {@link Threshold}.
 */
public class ThresholdSpec {

    private String name;
    private String report;
    private String metric;
    private String aggregate;
    private String groupBy;
    private String where;
    private String minimum;
    private String maximum;
    private String severity;
    private String onEmpty;
    private String minRows;
    private String compareTo;

    public ThresholdSpec() {
    }

    /** The same threshold for the core, text for text. */
    /** The POM's thresholds as the core takes them; a null entry stays null, so the core's message names it. */
    static java.util.List<Threshold> toThresholds(java.util.List<ThresholdSpec> specs) {
        java.util.List<Threshold> list = new java.util.ArrayList<>();
        if (specs != null) {
            for (ThresholdSpec spec : specs) {
                list.add(spec == null ? null : spec.toThreshold());
            }
        }
        return list;
    }

    Threshold toThreshold() {
        return new Threshold(report, metric, aggregate, groupBy, where, minimum, maximum, severity, onEmpty, name,
                minRows, compareTo);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
    }

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public String getAggregate() {
        return aggregate;
    }

    public void setAggregate(String aggregate) {
        this.aggregate = aggregate;
    }

    public String getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(String groupBy) {
        this.groupBy = groupBy;
    }

    public String getWhere() {
        return where;
    }

    public void setWhere(String where) {
        this.where = where;
    }

    public String getMinimum() {
        return minimum;
    }

    public void setMinimum(String minimum) {
        this.minimum = minimum;
    }

    public String getMaximum() {
        return maximum;
    }

    public void setMaximum(String maximum) {
        this.maximum = maximum;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getOnEmpty() {
        return onEmpty;
    }

    public void setOnEmpty(String onEmpty) {
        this.onEmpty = onEmpty;
    }

    public String getMinRows() {
        return minRows;
    }

    public void setMinRows(String minRows) {
        this.minRows = minRows;
    }

    public String getCompareTo() {
        return compareTo;
    }

    public void setCompareTo(String compareTo) {
        this.compareTo = compareTo;
    }

    @Override
    public String toString() {
        return "ThresholdSpec[name=" + name + ", report=" + report + ", metric=" + metric + ", aggregate="
                + aggregate + ", groupBy=" + groupBy + ", where=" + where + ", minimum=" + minimum + ", maximum="
                + maximum + ", severity=" + severity + ", onEmpty=" + onEmpty + ", minRows=" + minRows
                + ", compareTo=" + compareTo + "]";
    }
}
