package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.ReportDefinition;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to fetch: the reports, the date range, the filters and, for custom reports, the columns they must have.
 * Immutable; change one part with a {@code with…} method.
 *
 * @param reports         in the order asked for; duplicates are dropped
 * @param range           null for the last {@value DateRange#DEFAULT_DAYS} days up to now, in UTC, resolved with the
 *                        settings' clock
 * @param filters         the filters set, each to its ids; listed in the order of {@link Filter}
 * @param expectedColumns custom reports to the columns their header must have (extra columns are kept with a
 *                        warning)
 */
public record ReportQuery(List<ReportDefinition> reports, DateRange range, Map<Filter, List<String>> filters,
        Map<ReportDefinition, List<String>> expectedColumns) {

    /** rooms, attendees and breakouts. */
    public static final List<ReportDefinition> DEFAULT_REPORTS = ReportDefinition.documented();

    public ReportQuery {
        reports = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(reports, "reports")));
        // Copies that keep a null or blank id for validated() to name, rather than failing here.
        Map<Filter, List<String>> f = new EnumMap<>(Filter.class);
        (filters == null ? Map.<Filter, List<String>>of() : filters)
                .forEach((k, v) -> f.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        filters = Collections.unmodifiableMap(f);
        Map<ReportDefinition, List<String>> e = new LinkedHashMap<>();
        (expectedColumns == null ? Map.<ReportDefinition, List<String>>of() : expectedColumns)
                .forEach((k, v) -> e.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        expectedColumns = Collections.unmodifiableMap(e);
    }

    /** These reports over this range (null: the default), no filters. */
    public static ReportQuery of(List<ReportDefinition> reports, DateRange range) {
        return new ReportQuery(reports, range, null, null);
    }

    /** The default reports over the default range. */
    public static ReportQuery defaults() {
        return of(DEFAULT_REPORTS, null);
    }

    public ReportQuery withReports(List<ReportDefinition> value) {
        return new ReportQuery(value, range, filters, expectedColumns);
    }

    public ReportQuery withRange(DateRange value) {
        return new ReportQuery(reports, value, filters, expectedColumns);
    }

    /** Only these ids; null or empty removes the filter. */
    public ReportQuery withFilter(Filter filter, List<String> ids) {
        Map<Filter, List<String>> f = new EnumMap<>(Filter.class);
        f.putAll(filters);
        if (ids == null || ids.isEmpty()) {
            f.remove(filter);
        } else {
            f.put(filter, ids);
        }
        return new ReportQuery(reports, range, f, expectedColumns);
    }

    /** Columns a custom report must have; null or empty removes them. */
    public ReportQuery withExpectedColumns(ReportDefinition report, List<String> columns) {
        Map<ReportDefinition, List<String>> e = new LinkedHashMap<>(expectedColumns);
        if (columns == null || columns.isEmpty()) {
            e.remove(report);
        } else {
            e.put(report, columns);
        }
        return new ReportQuery(reports, range, filters, e);
    }

    /** The columns declared for a report; empty when none. */
    public List<String> expectedColumns(ReportDefinition report) {
        return expectedColumns.getOrDefault(report, List.of());
    }

    /** Checked, with the default range resolved and the declared column names trimmed. */
    ReportQuery validated(Clock clock) throws ConfigurationException {
        if (reports.isEmpty()) {
            throw new ConfigurationException("reports", "No reports: list names or ids such as rooms,attendees,6003.");
        }
        DateRange r = range != null ? range : DateRange.lastDays(DateRange.DEFAULT_DAYS, ZoneId.of("UTC"), clock);
        if (r.from().isAfter(r.to())) {
            throw new ConfigurationException("range", "The range starts at " + r.from() + ", after its end "
                    + r.to() + ": give a range whose start is not after its end.");
        }
        for (Map.Entry<Filter, List<String>> f : filters.entrySet()) {
            checkFilter(f.getKey(), f.getValue());
        }
        Map<ReportDefinition, List<String>> columns = new LinkedHashMap<>();
        for (Map.Entry<ReportDefinition, List<String>> e : expectedColumns.entrySet()) {
            columns.put(e.getKey(), checkExpectedColumns(e.getKey(), e.getValue()));
        }
        return new ReportQuery(reports, r, filters, columns);
    }

    private void checkFilter(Filter filter, List<String> ids) throws ConfigurationException {
        String name = filter.parameter();
        for (ReportDefinition report : reports) {
            if (!report.isCustom() && !report.filters().containsKey(filter)) {
                List<String> takers = new ArrayList<>();
                for (ReportDefinition r : ReportDefinition.known()) {
                    if (r.filters().containsKey(filter)) {
                        takers.add(r.name());
                    }
                }
                throw new ConfigurationException(name, "Report " + report.name() + " (" + report.id()
                        + ") does not take the filter " + name + "; it takes " + names(report.filters().keySet())
                        + ". Remove " + name + " or fetch only reports that take it (" + String.join(", ", takers)
                        + ").");
            }
        }
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new ConfigurationException(name, "Bad " + name + " " + ids + ": an empty value; give each "
                        + "id, e.g. 1_abc.");
            }
            // The params string has no escaping: a ';' would start a new key (docs/kaltura-protocol.md).
            if (id.contains(";")) {
                throw new ConfigurationException(name, "Bad " + name + " value '" + id + "': Kaltura cannot "
                        + "receive a ';' inside a filter value; remove it.");
            }
        }
    }

    private List<String> checkExpectedColumns(ReportDefinition report, List<String> declared)
            throws ConfigurationException {
        if (!report.isCustom()) {
            throw new ConfigurationException("expectedColumns", "Report " + report.name()
                    + " is documented and has its columns built in: declare expected columns only for "
                    + "custom report ids.");
        }
        if (!reports.contains(report)) {
            throw new ConfigurationException("expectedColumns", "Expected columns are declared for report "
                    + report.id() + ", which is not in reports " + reports + ": add it or remove them.");
        }
        List<String> columns = new ArrayList<>();
        for (String c : declared) {
            if (c == null || c.isBlank()) {
                throw new ConfigurationException("expectedColumns", "An empty column name in the expected "
                        + "columns of report " + report.id() + " " + Arrays.toString(declared.toArray()));
            }
            columns.add(c.trim());
        }
        return columns;
    }

    /** Filter names as the user writes them, comma-separated. */
    static String names(Iterable<Filter> filters) {
        List<String> names = new ArrayList<>();
        filters.forEach(f -> names.add(f.parameter()));
        return String.join(", ", names);
    }
}
