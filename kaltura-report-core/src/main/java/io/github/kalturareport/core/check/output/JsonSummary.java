package io.github.kalturareport.core.check.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.kalturareport.core.check.CheckResult.SessionRow;
import io.github.kalturareport.core.check.Rule.Bound;
import io.github.kalturareport.core.check.Rule;
import io.github.kalturareport.core.check.RuleResult.OffendingRow;
import io.github.kalturareport.core.check.RuleResult.Verdict;
import io.github.kalturareport.core.check.RuleResult;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

/**
 * {@code summary.json}: every result, every rule and the session overview, in the stable schema documented in
 * {@code docs/rules.md} ({@code schemaVersion} 2: version 1 and each result's {@code quantityKey}, {@code previous}
 * and {@code change}, so a later run can take this file as its baseline). Fields are only ever added within a
 * version.
 */
final class JsonSummary {

    static final int SCHEMA_VERSION = 2;

    private JsonSummary() {
    }

    static void write(CheckReport report, Writer out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeStringField("generatedAt", report.generatedAt().toString());
            json.writeStringField("inputDirectory", report.settings().inputDirectory().toString());
            json.writeStringField("timeZone", report.settings().timeZone().getId());
            json.writeStringField("status", report.status());
            json.writeObjectFieldStart("totals");
            json.writeNumberField("rules", report.result().rules().size());
            json.writeNumberField("results", report.results().size());
            json.writeNumberField("passed", report.count(Verdict.PASS));
            json.writeNumberField("failed", report.count(Verdict.FAIL));
            json.writeNumberField("errors", report.errors());
            json.writeNumberField("warnings", report.warnings());
            json.writeNumberField("noData", report.count(Verdict.NO_DATA));
            json.writeEndObject();
            json.writeArrayFieldStart("rules");
            for (Rule rule : report.result().rules()) {
                writeRule(json, rule);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("results");
            for (RuleResult r : report.results()) {
                json.writeStartObject();
                json.writeNumberField("ruleIndex", report.result().rules().indexOf(r.rule()));
                json.writeStringField("rule", r.label());
                json.writeStringField("report", r.rule().report().name());
                json.writeStringField("group", r.group());
                json.writeStringField("verdict", r.verdict().name());
                json.writeStringField("severity", r.severity().text());
                if (r.actual() == null) {
                    json.writeNullField("actual");
                } else {
                    json.writeNumberField("actual", r.actual());
                }
                json.writeStringField("actualText", r.actualText());
                json.writeStringField("quantityKey", r.rule().quantityKey());
                nullable(json, "previous", r.previous());
                nullable(json, "change", r.change());
                json.writeStringField("expected", r.expected());
                json.writeNumberField("rows", r.rows());
                json.writeStringField("message", r.message());
                json.writeArrayFieldStart("offendingRows");
                for (OffendingRow row : r.offendingRows()) {
                    json.writeStartObject();
                    json.writeNumberField("line", row.line());
                    json.writeStringField("value", row.value());
                    json.writeObjectFieldStart("identity");
                    for (Map.Entry<String, String> id : row.identity().entrySet()) {
                        json.writeStringField(id.getKey(), id.getValue());
                    }
                    json.writeEndObject();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            if (report.sessions() == null) {
                json.writeNullField("sessions");
            } else {
                json.writeArrayFieldStart("sessions");
                for (SessionRow s : report.sessions()) {
                    json.writeStartObject();
                    json.writeStringField("entryId", s.entryId());
                    json.writeStringField("roomName", s.roomName());
                    json.writeStringField("cuePointId", s.cuePointId());
                    json.writeStringField("start", Double.isNaN(s.start()) ? null
                            : Instant.ofEpochSecond((long) s.start()).toString());
                    json.writeNumberField("uniqueAttendees", s.uniqueAttendees());
                    number(json, "averageMinutesViewed", s.averageMinutesViewed());
                    number(json, "averageEngagement", s.averageEngagement());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeRule(JsonGenerator json, Rule rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("text", rule.text());
        json.writeStringField("name", rule.name() == null ? null : rule.label());
        json.writeStringField("report", rule.report().name());
        json.writeStringField("file", rule.report().fileName());
        json.writeStringField("metric", rule.metric());
        json.writeStringField("column", rule.column());
        json.writeStringField("aggregate", rule.aggregate().text());
        json.writeStringField("groupBy", rule.groupBy());
        json.writeStringField("where", rule.whereColumn() == null ? null
                : rule.whereColumn() + "=" + rule.shownWhereValue());
        bound(json, "minimum", rule.lower());
        bound(json, "maximum", rule.upper());
        json.writeStringField("severity", rule.severity().text());
        json.writeStringField("onEmpty", rule.onEmpty().text());
        json.writeStringField("compareTo", rule.vsPrevious() ? "previous" : null);
        json.writeStringField("quantityKey", rule.quantityKey());
        if (rule.minRows() > 0) {
            json.writeNumberField("minRows", rule.minRows());
        } else {
            json.writeNullField("minRows");
        }
        json.writeEndObject();
    }

    private static void bound(JsonGenerator json, String name, Bound bound) throws IOException {
        if (bound == null) {
            json.writeNullField(name);
            return;
        }
        json.writeObjectFieldStart(name);
        json.writeNumberField("value", bound.value());
        json.writeStringField("text", bound.text());
        json.writeBooleanField("inclusive", bound.inclusive());
        json.writeEndObject();
    }

    private static void nullable(JsonGenerator json, String name, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isNaN(value)) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }
}
