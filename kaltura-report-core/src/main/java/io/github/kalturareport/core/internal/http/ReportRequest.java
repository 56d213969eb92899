package io.github.kalturareport.core.internal.http;

import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.List;
import java.util.Map;

/**
 * The {@code params} string of {@code report.getCsvFromStringParams} (docs/kaltura-protocol.md): {@code key=value}
 * pairs joined by {@code ;}, dates in Unix seconds with the window's end inclusive, a filter's ids joined by
 * {@code ,}. The string has no escaping, so filter values must hold no {@code ;} (the settings refuse one).
 */
public final class ReportRequest {

    private ReportRequest() {
    }

    /** The {@code params} of one window of a report, with the filters in the order given. */
    public static String params(ReportDefinition report, Map<Filter, List<String>> filters, long fromSecond,
            long toSecond) {
        StringBuilder s = new StringBuilder();
        s.append(report.fromDateKey()).append('=').append(fromSecond);
        s.append(';').append(report.toDateKey()).append('=').append(toSecond);
        for (Map.Entry<Filter, List<String>> f : filters.entrySet()) {
            s.append(';').append(paramsKey(report, f.getKey())).append('=').append(String.join(",", f.getValue()));
        }
        return s.toString();
    }

    /**
     * The {@code params} key for a filter in a report: the catalogue's for a documented report; for a custom report
     * the key the documented reports use (Kaltura ignores keys a report does not know). Null when a documented
     * report does not take the filter.
     */
    public static String paramsKey(ReportDefinition report, Filter filter) {
        String key = report.filters().get(filter);
        if (key != null || !report.isCustom()) {
            return key;
        }
        for (ReportDefinition documented : ReportDefinition.documented()) {
            key = documented.filters().get(filter);
            if (key != null) {
                return key;
            }
        }
        return null;
    }
}
