package io.github.kalturareport.core.internal.validate;

import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ColumnType;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report's header as received, checked against the documented (or declared) columns once, so that each row is
 * then checked by index.
 */
public final class ColumnLayout {

    private final List<String> header;
    private final ColumnType[] types;
    private final List<String> missing;
    private final List<String> extra;
    private final List<String> unwanted;
    private final int startIndex;
    private final int endIndex;

    private ColumnLayout(List<String> header, ColumnType[] types, List<String> missing, List<String> extra,
            List<String> unwanted, int startIndex, int endIndex) {
        this.header = List.copyOf(header);
        this.types = types;
        this.missing = List.copyOf(missing);
        this.extra = List.copyOf(extra);
        this.unwanted = List.copyOf(unwanted);
        this.startIndex = startIndex;
        this.endIndex = endIndex;
    }

    /**
     * @param expectedCustomColumns the columns a user declared for a custom report; ignored for documented ones
     */
    public static ColumnLayout of(ReportDefinition report, List<String> header, List<String> expectedCustomColumns) {
        return of(report, header, expectedCustomColumns, List.of());
    }

    /**
     * @param expectedCustomColumns the columns a user declared for a custom report; ignored for documented ones
     * @param dropped               columns asked to be left out: not expected, and {@link #unwanted()} if present
     */
    public static ColumnLayout of(ReportDefinition report, List<String> header, List<String> expectedCustomColumns,
            List<String> dropped) {
        List<String> names = new ArrayList<>();
        for (String h : header) {
            names.add(h.trim());
        }
        ColumnType[] types = new ColumnType[names.size()];
        // Required columns must be there; known ones may be (issue 14's reports have optional columns).
        List<String> expected = new ArrayList<>();
        List<String> known = new ArrayList<>();
        if (report.isCustom()) {
            expected.addAll(expectedCustomColumns);
            known.addAll(expectedCustomColumns);
        } else {
            expected.addAll(report.requiredColumns());
            for (ColumnDefinition c : report.columns()) {
                known.add(c.name());
            }
        }
        for (int i = 0; i < names.size(); i++) {
            Optional<ColumnDefinition> column = report.column(names.get(i));
            types[i] = column.map(ColumnDefinition::type).orElse(null);
        }
        expected.removeAll(dropped);
        List<String> unwanted = new ArrayList<>();
        for (String d : dropped) {
            if (names.contains(d)) {
                unwanted.add(d);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String e : expected) {
            if (!names.contains(e)) {
                missing.add(e);
            }
        }
        List<String> extra = new ArrayList<>();
        if (!known.isEmpty()) {
            for (String n : names) {
                if (!known.contains(n) && !dropped.contains(n)) {
                    extra.add(n);
                }
            }
        }
        int start = report.startTimeColumn().map(names::indexOf).orElse(-1);
        int end = report.endTimeColumn().map(names::indexOf).orElse(-1);
        return new ColumnLayout(header, types, missing, extra, unwanted, start, end);
    }

    /** The header exactly as received. */
    public List<String> header() {
        return header;
    }

    public int size() {
        return header.size();
    }

    /** The documented type of the column at an index, or null for a column the catalogue does not know. */
    public ColumnType type(int index) {
        return types[index];
    }

    /** Expected columns the header lacks: an error. */
    public List<String> missing() {
        return missing;
    }

    /** Columns beyond the known ones: kept, with a warning (a known optional column that is absent is neither). */
    public List<String> extra() {
        return extra;
    }

    /** Columns asked to be left out that the header still has: refused, nothing of them is saved. */
    public List<String> unwanted() {
        return unwanted;
    }

    /** Index of the session start time column, or -1. */
    public int startIndex() {
        return startIndex;
    }

    /** Index of the session end time column, or -1. */
    public int endIndex() {
        return endIndex;
    }
}
