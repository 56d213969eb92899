package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.internal.Version;
import io.github.kalturareport.core.internal.http.ReportRequest;
import io.github.kalturareport.core.internal.window.AssembledReport;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.ReportDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the content of {@code manifest.json} (schema in docs/fetching.md). No secret goes in. */
final class Manifest {

    static final int SCHEMA_VERSION = 1;

    private Manifest() {
    }

    static Map<String, Object> of(FetchSettings settings, List<ReportSummary> summaries,
            List<AssembledReport> assembled, Map<ReportDefinition, List<WindowFetcher.Result>> windows,
            Map<ReportDefinition, Map<String, Object>> planning, Map<String, Object> archive) {
        Instant now = settings.clock().instant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", SCHEMA_VERSION);
        m.put("tool", "kaltura-report");
        m.put("version", Version.VALUE);
        m.put("fetchedAt", now.toString());
        m.put("serviceUrl", settings.endpoint().serviceUrl().toString());
        m.put("partnerId", settings.partnerId() > 0 ? settings.partnerId() : null);
        m.put("authentication", settings.credentials().mode());
        DateRange requested = settings.query().range();
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("requested", requested.description());
        range.put("timeZone", requested.zone().getId());
        range.put("from", requested.from().atZone(requested.zone()).toOffsetDateTime().toString());
        range.put("to", requested.to().atZone(requested.zone()).toOffsetDateTime().toString());
        range.put("fromEpochSecond", requested.fromEpochSecond());
        range.put("toEpochSecond", requested.toEpochSecond());
        m.put("range", range);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Map.Entry<Filter, List<String>> f : settings.query().filters().entrySet()) {
            filters.put(f.getKey().parameter(), f.getValue());
        }
        m.put("filters", filters);
        m.put("descriptiveHeaders", settings.output().descriptiveHeaders());
        m.put("lenient", settings.output().lenient());
        m.put("personalData", settings.personalData().mode().text()); // the mode and the columns, never the key
        List<Object> reports = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            ReportSummary s = summaries.get(i);
            AssembledReport a = assembled.get(i);
            ReportDefinition report = s.report();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", report.name());
            r.put("id", report.id());
            r.put("title", report.title());
            r.put("file", s.file().getFileName().toString());
            r.put("rows", s.rows());
            r.put("sha256", a.sha256());
            r.put("fetchedAt", now.toString());
            r.put("elapsedMillis", s.elapsed().toMillis());
            r.put("requests", s.requests());
            r.put("rowsServed", s.rowsServed());
            r.put("retries", s.retries());
            if (report.isServiceReport()) {
                r.put("reportName", report.serviceReportName().orElseThrow());
                r.put("reportsServiceUrl", settings.endpoint().reportsServiceUrl().toString());
                r.put("params", serviceParams(report, settings));
            } else {
                r.put("params", ReportRequest.params(report, settings.query().filters(),
                        requested.fromEpochSecond(), requested.toEpochSecond()));
            }
            r.put("columns", a.columns());
            Map<String, String> personal = new LinkedHashMap<>();
            settings.personalData().columnsOf(report).forEach((column, mode) -> personal.put(column, mode.text()));
            r.put("personalColumns", personal);
            List<Object> ws = new ArrayList<>();
            for (WindowFetcher.Result w : windows.getOrDefault(report, List.of())) {
                Map<String, Object> window = new LinkedHashMap<>();
                window.put("from", w.window().fromInstant().toString());
                window.put("to", w.window().toInstant().toString());
                window.put("fromEpochSecond", w.window().from());
                window.put("toEpochSecond", w.window().to());
                window.put("rows", w.outcome().rows());
                ws.add(window);
            }
            r.put("windows", ws);
            r.put("planning", planning.get(report));
            r.put("warnings", s.warnings());
            reports.add(r);
        }
        m.put("reports", reports);
        if (archive != null) {
            m.put("archive", archive); // what went in, the location without any password
        }
        return m;
    }

    /** The microservice's reportParameters as sent: the filters under its keys, the whole UTC days. */
    private static Map<String, Object> serviceParams(ReportDefinition report, FetchSettings settings) {
        Map<String, Object> p = new LinkedHashMap<>();
        report.filters().forEach((filter, key) -> {
            List<String> ids = settings.query().filters().get(filter);
            if (ids != null) {
                p.put(key, ids);
            }
        });
        DateRange range = settings.query().range();
        p.put(report.fromDateKey(), range.from().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        p.put(report.toDateKey(), range.to().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        return p;
    }
}
