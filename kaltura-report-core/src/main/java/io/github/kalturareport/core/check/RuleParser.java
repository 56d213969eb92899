package io.github.kalturareport.core.check;

import io.github.kalturareport.core.RuleException;
import io.github.kalturareport.core.check.Rule.Bound;
import io.github.kalturareport.core.check.Rule.OnEmpty;
import io.github.kalturareport.core.check.Rule.Severity;
import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ColumnType;
import io.github.kalturareport.core.report.ReportDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parses and validates threshold rules in both forms into {@link Rule}s. Every problem is a {@link RuleException}
 * whose message holds the rule's text and a caret line under the problem.
 *
 * <p>One-line grammar: {@code REPORT:AGG(METRIC) [by COLUMN] [where COLUMN=VALUE] [when count >= N] OP NUMBER[%]
 * [and OP NUMBER[%]]
 * [onEmpty=nodata|pass|fail] [severity=error|warning]}, OP one of {@code >= > <= < ==}; a where value with spaces
 * is written in double quotes.
 */
public final class RuleParser {

    static final String RULES = "rules";
    static final String THRESHOLDS = "thresholds";
    private static final String FORM = "write REPORT:AGG(METRIC) [by COLUMN] [where COLUMN=VALUE] OP NUMBER[%],"
            + " e.g. attendees:mean(engagement) >= 60%";

    private RuleParser() {
    }

    /** Parses one-line rules separated by {@code ;} (empty pieces are ignored), as the {@code rules} parameter. */
    public static List<Rule> parseRules(String rules) throws RuleException {
        List<Rule> parsed = new ArrayList<>();
        if (rules == null) {
            return parsed;
        }
        for (String piece : splitRules(rules)) {
            if (!piece.isBlank()) {
                parsed.add(parse(piece));
            }
        }
        return parsed;
    }

    /** Parses one one-line rule, e.g. {@code rooms:min(uniqueUsers) by entry_id >= 5}. */
    public static Rule parse(String rule) throws RuleException {
        return new LineParser(rule.strip()).parse();
    }

    /**
     * Validates a structured threshold. Messages show its parts as elements on one line, e.g.
     * {@code <report>rooms</report> <metric>engagement</metric>}, with the caret under the faulty one.
     *
     * @param index its 0-based position in the list, to name it in messages when it has no name
     */
    public static Rule fromThreshold(Threshold threshold, int index) throws RuleException {
        Draft d = new Draft();
        StringBuilder text = new StringBuilder();
        d.name = element(text, d, "name", threshold.name());
        d.report = element(text, d, "report", threshold.report());
        d.metric = element(text, d, "metric", threshold.metric());
        d.aggregate = element(text, d, "aggregate", threshold.aggregate());
        d.groupBy = element(text, d, "groupBy", threshold.groupBy());
        String where = element(text, d, "where", threshold.where());
        String minimum = element(text, d, "minimum", threshold.minimum());
        String maximum = element(text, d, "maximum", threshold.maximum());
        d.severity = element(text, d, "severity", threshold.severity());
        d.onEmpty = element(text, d, "onEmpty", threshold.onEmpty());
        d.minRows = element(text, d, "minRows", threshold.minRows());
        String intro = "Bad threshold " + (d.name != null ? "'" + d.name + "'" : "#" + (index + 1))
                + " in 'thresholds'";
        d.source = new Rule.Source(THRESHOLDS, intro, text.toString(), d.spans);
        if (where != null) {
            int eq = where.indexOf('=');
            int[] span = d.spans.get("where");
            if (eq <= 0) {
                throw d.error("where", "'" + where + "' is not COLUMN=VALUE; write e.g. user_type=Host.");
            }
            d.whereColumn = where.substring(0, eq).strip();
            d.whereValue = where.substring(eq + 1).strip();
            d.spans.put("whereColumn", new int[] {span[0], eq});
        }
        if (minimum != null) {
            d.bounds.add(new BoundDraft(">=", minimum, "minimum"));
        }
        if (maximum != null) {
            d.bounds.add(new BoundDraft("<=", maximum, "maximum"));
        }
        return d.build();
    }

    /** Appends {@code <part>value</part>} to the text, remembering where the value is; blank means absent. */
    private static String element(StringBuilder text, Draft d, String part, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append('<').append(part).append('>');
        d.spans.put(part, new int[] {text.length(), v.length()});
        text.append(v).append("</").append(part).append('>');
        return v;
    }

    /** Splits on {@code ;} outside double quotes, so a quoted where value may hold one. */
    private static List<String> splitRules(String rules) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < rules.length(); i++) {
            char c = rules.charAt(i);
            if (c == '"' && (i == 0 || rules.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private record BoundDraft(String op, String number, String part) {
    }

    /** The parts of a rule as written, with their positions, before they are checked. */
    private static final class Draft {
        final Map<String, int[]> spans = new HashMap<>();
        final List<BoundDraft> bounds = new ArrayList<>();
        Rule.Source source;
        String name;
        String report;
        String metric;
        String aggregate;
        String groupBy;
        String whereColumn;
        String whereValue;
        String severity;
        String onEmpty;
        String minRows;

        RuleException error(String part, String problem) {
            return source.error(part, problem);
        }

        Rule build() throws RuleException {
            if (report == null) {
                throw error("report", "no report; add <report> with rooms, attendees, breakouts or a custom"
                        + " report id such as 7001.");
            }
            ReportDefinition def = report(report);
            if (aggregate == null) {
                throw error("aggregate", "no aggregate; add <aggregate> with " + Aggregate.CHOICES + ".");
            }
            Aggregate agg = Aggregate.parse(aggregate).orElseThrow(() -> error("aggregate",
                    "unknown aggregate '" + aggregate + "'; " + DidYouMean.hint(aggregate, Aggregate.NAMES) + "use "
                            + Aggregate.CHOICES + "."));
            if (metric == null) {
                throw error("metric", "no metric; add <metric> with a column or an alias of " + def.name() + ".");
            }
            if (agg.kind() == Aggregate.Kind.WMEAN && Aggregate.weightColumn(def).isEmpty()) {
                throw error("aggregate", "wmean weighs each row by its view time, but report " + def.name()
                        + " has no view-time column; use mean, or wmean on attendees (weighted by"
                        + " meeting_view_time).");
            }
            String column = def.resolveMetric(metric).orElseThrow(() -> error("metric",
                    "unknown metric '" + metric + "' in report " + def.name() + "; " + hint(def, metric) + "use "
                            + choices(def) + "."));
            Optional<ColumnType> type = def.column(column).map(ColumnDefinition::type);
            if (agg.kind().numeric() && type.isPresent() && !type.get().isNumeric()) {
                throw error("metric", agg.text() + " needs numbers, but " + column + " holds "
                        + (type.get() == ColumnType.ID ? "identifiers" : "text")
                        + "; use count or distinct on it, or a numeric column.");
            }
            String group = groupBy == null ? null : column(def, groupBy, "groupBy");
            String whereCol = whereColumn == null ? null : column(def, whereColumn, "whereColumn");
            Bound lower = null;
            Bound upper = null;
            String lowerPart = null;
            for (BoundDraft b : bounds) {
                Bound bound = bound(b, def, column, type, agg);
                boolean isLower = b.op.startsWith(">") || b.op.equals("==");
                boolean isUpper = b.op.startsWith("<") || b.op.equals("==");
                if ((isLower && lower != null) || (isUpper && upper != null)) {
                    throw error(b.part, "a second " + (isLower ? "lower" : "upper") + " bound; a rule has at most"
                            + " one minimum and one maximum.");
                }
                if (isLower) {
                    lower = bound;
                    lowerPart = b.part;
                }
                if (isUpper) {
                    upper = new Bound(bound.number(), bound.percent(), bound.inclusive());
                }
            }
            if (lower == null && upper == null) {
                throw error("minimum", "no bound; add <minimum> and/or <maximum> (inclusive), e.g. 60% or 0.6.");
            }
            if (lower != null && upper != null && (lower.value() > upper.value()
                    || (lower.value() == upper.value() && !(lower.inclusive() && upper.inclusive())))) {
                throw error(lowerPart, "the minimum " + lower.text() + " is above the maximum " + upper.text()
                        + ", so no value could pass; swap them or fix one.");
            }
            Severity sev = Severity.ERROR;
            if (severity != null) {
                sev = switch (severity.toLowerCase(Locale.ROOT)) {
                    case "error" -> Severity.ERROR;
                    case "warning", "warn" -> Severity.WARNING;
                    default -> throw error("severity", "unknown severity '" + severity + "'; use error or warning.");
                };
            }
            OnEmpty empty = onEmpty == null ? OnEmpty.NODATA : OnEmpty.parse(onEmpty).orElseThrow(() ->
                    error("onEmpty", "unknown onEmpty '" + onEmpty + "'; use nodata (the default), pass or fail."));
            return new Rule(name, def, metric, column, agg, group, whereCol, whereValue, lower, upper, sev, empty,
                    minRows(), source);
        }

        private int minRows() throws RuleException {
            if (minRows == null) {
                return 0;
            }
            if (!minRows.matches("\\d{1,9}") || Integer.parseInt(minRows) < 1) {
                throw error("minRows", "'" + minRows + "' is not a whole number of rows of at least 1; write e.g."
                        + " 5, so a group with fewer rows gives no data.");
            }
            return Integer.parseInt(minRows);
        }

        private ReportDefinition report(String text) throws RuleException {
            String value = text.toLowerCase(Locale.ROOT).startsWith("report-") ? text.substring(7) : text;
            try {
                return ReportDefinition.parse(value);
            } catch (IllegalArgumentException e) {
                List<String> names = ReportDefinition.known().stream().map(ReportDefinition::name).toList();
                throw error("report", "unknown report '" + text + "'; " + DidYouMean.hint(text, names) + "use "
                        + ReportDefinition.knownNames()
                        + " or a custom report id such as 7001.");
            }
        }

        private String column(ReportDefinition def, String name, String part) throws RuleException {
            return def.resolveMetric(name).orElseThrow(() -> error(part, "unknown column '" + name
                    + "' in report " + def.name() + "; " + hint(def, name) + "use " + choices(def) + "."));
        }

        /** A "did you mean" for a column or alias of the report (none for a custom one, which takes any). */
        private static String hint(ReportDefinition def, String written) {
            List<String> names = new ArrayList<>(def.aliases().keySet());
            def.columns().forEach(c -> names.add(c.name()));
            return DidYouMean.hint(written, names);
        }

        private Bound bound(BoundDraft b, ReportDefinition def, String column, Optional<ColumnType> type,
                Aggregate agg) throws RuleException {
            String n = b.number.strip();
            boolean percent = n.endsWith("%");
            String digits = percent ? n.substring(0, n.length() - 1).strip() : n;
            if (!digits.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                throw error(b.part, "'" + b.number + "' is not a number; write e.g. 5, 0.6 or 60%.");
            }
            BigDecimal number = new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits);
            boolean ratio = type.map(t -> t == ColumnType.RATIO).orElse(true);
            if (percent && (!ratio || !agg.kind().numeric() || agg.kind() == Aggregate.Kind.SUM)) {
                throw error(b.part, "a percentage compares a fraction, but " + agg.text() + "(" + column + ")"
                        + (ratio ? " is not one" : " is not a ratio column") + "; write a plain number.");
            }
            if (!percent && type.orElse(null) == ColumnType.RATIO && agg.kind().numeric()
                    && agg.kind() != Aggregate.Kind.SUM && number.abs().compareTo(BigDecimal.ONE) > 0) {
                throw error(b.part, column + " is a fraction from 0 to 1, so " + n + " can never be reached;"
                        + " write " + n + "% or " + number.movePointLeft(2).stripTrailingZeros().toPlainString()
                        + ".");
            }
            boolean inclusive = b.op.endsWith("=");
            return new Bound(number, percent, inclusive);
        }

        private static String choices(ReportDefinition def) {
            if (def.isCustom()) {
                return "a column of " + def.fileName();
            }
            String columns = def.columns().stream().map(ColumnDefinition::name).collect(Collectors.joining(", "));
            String aliases = String.join(", ", def.aliases().keySet());
            return "a column (" + columns + ")" + (aliases.isEmpty() ? "" : " or an alias (" + aliases + ")");
        }
    }

    /** A small hand-written scanner for the one-line form: it must know character positions for the caret. */
    private static final class LineParser {
        private final String text;
        private final Draft d = new Draft();
        private int pos;
        private int boundCount;

        LineParser(String text) {
            this.text = text;
            d.source = new Rule.Source(RULES, "Bad rule in 'rules'", text, d.spans);
        }

        Rule parse() throws RuleException {
            if (text.isEmpty()) {
                throw d.error("all", "the rule is empty; " + FORM + ".");
            }
            int colon = text.indexOf(':');
            int open = text.indexOf('(');
            if (colon < 0 || (open >= 0 && colon > open)) {
                span("all", 0, open < 0 ? text.length() : open);
                throw d.error("all", "no ':' between report and aggregate; " + FORM + ".");
            }
            d.report = part("report", 0, colon);
            if (open < 0) {
                span("all", colon + 1, text.length() - colon - 1);
                throw d.error("all", "no '(' after the aggregate; " + FORM + ".");
            }
            d.aggregate = part("aggregate", colon + 1, open);
            int close = text.indexOf(')', open);
            if (close < 0) {
                span("all", open, 1);
                throw d.error("all", "this '(' has no ')' after the metric; " + FORM + ".");
            }
            d.metric = part("metric", open + 1, close);
            if (d.report.isEmpty() || d.aggregate.isEmpty() || d.metric.isEmpty()) {
                String empty = d.report.isEmpty() ? "report" : d.aggregate.isEmpty() ? "aggregate" : "metric";
                span(empty, d.spans.get(empty)[0], 1);
                throw d.error(empty, "the " + empty + " is missing; " + FORM + ".");
            }
            pos = close + 1;
            while (true) {
                skipSpaces();
                if (pos >= text.length()) {
                    break;
                }
                if (word("by")) {
                    once("groupBy", d.groupBy);
                    d.groupBy = token("groupBy", "a column after 'by'");
                } else if (word("where")) {
                    once("whereColumn", d.whereColumn);
                    where();
                } else if (word("when")) {
                    once("minRows", d.minRows);
                    when();
                } else if (word("and")) {
                    if (boundCount == 0) {
                        span("all", pos - 3, 3);
                        throw d.error("all", "'and' joins two comparisons, but there is none before it; " + FORM
                                + ".");
                    }
                    skipSpaces();
                    comparison();
                } else if ("<>=!".indexOf(text.charAt(pos)) >= 0) {
                    if (boundCount > 0) {
                        span("all", pos, 1);
                        throw d.error("all", "a second comparison must follow 'and', e.g. >= 40% and <= 90%.");
                    }
                    comparison();
                } else {
                    option();
                }
            }
            if (boundCount == 0) {
                throw d.error("end", "no comparison; end the rule with OP NUMBER such as >= 60% (OP one of"
                        + " >= > <= < ==).");
            }
            return d.build();
        }

        private void where() throws RuleException {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != '=' && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length() || text.charAt(pos) != '=' || pos == start) {
                span("all", start, Math.max(1, pos - start));
                throw d.error("all", "'where' needs COLUMN=VALUE without spaces around '=', e.g. where"
                        + " user_type=Host.");
            }
            d.whereColumn = part("whereColumn", start, pos);
            pos++;
            if (pos < text.length() && text.charAt(pos) == '"') {
                int open = pos;
                StringBuilder value = new StringBuilder();
                pos++;
                while (pos < text.length() && text.charAt(pos) != '"') {
                    if (text.charAt(pos) == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                        pos++;
                    }
                    value.append(text.charAt(pos++));
                }
                if (pos >= text.length()) {
                    span("all", open, 1);
                    throw d.error("all", "this quote is never closed; end the value with \".");
                }
                pos++;
                span("whereValue", open, pos - open);
                d.whereValue = value.toString();
            } else {
                int vs = pos;
                while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
                d.whereValue = part("whereValue", vs, pos);
            }
        }

        /** The minimum-sample guard, {@code when count >= N}: the only condition {@code when} takes. */
        private void when() throws RuleException {
            int start = pos;
            boolean count = text.regionMatches(true, pos, "count", 0, 5);
            if (count) {
                pos += 5;
                skipSpaces();
            }
            if (!count || !text.startsWith(">=", pos)) {
                span("all", start, Math.max(1, Math.min(text.length(), start + 8) - start));
                throw d.error("all", "'when' takes only count >= N, the fewest rows with a value a verdict needs,"
                        + " e.g. when count >= 5.");
            }
            pos += 2;
            skipSpaces();
            d.minRows = token("minRows", "a number of rows after 'when count >='");
        }

        private void comparison() throws RuleException {
            int start = pos;
            while (pos < text.length() && "<>=!".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String op = text.substring(start, pos);
            if (!List.of(">=", ">", "<=", "<", "==").contains(op)) {
                span("all", start, Math.max(1, pos - start));
                throw d.error("all", op.isEmpty() ? "expected a comparison here (>= > <= < ==)."
                        : "unknown operator '" + op + "'; use >=, >, <=, < or ==.");
            }
            skipSpaces();
            boundCount++;
            String part = "bound" + boundCount;
            String number = token(part, "a number after " + op);
            d.bounds.add(new BoundDraft(op, number, part));
        }

        private void option() throws RuleException {
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            String token = text.substring(start, pos);
            int eq = token.indexOf('=');
            String key = eq < 0 ? token : token.substring(0, eq);
            if (eq > 0 && key.equalsIgnoreCase("onEmpty")) {
                once("onEmpty", d.onEmpty);
                d.onEmpty = part("onEmpty", start + eq + 1, pos);
            } else if (eq > 0 && key.equalsIgnoreCase("severity")) {
                once("severity", d.severity);
                d.severity = part("severity", start + eq + 1, pos);
            } else {
                span("all", start, token.length());
                throw d.error("all", "unexpected '" + token + "'; after REPORT:AGG(METRIC) come [by COLUMN]"
                        + " [where COLUMN=VALUE] OP NUMBER[%] [onEmpty=nodata|pass|fail]"
                        + " [severity=error|warning].");
            }
            if (text.substring(start + eq + 1, pos).isEmpty()) {
                span("all", start, token.length());
                throw d.error("all", "'" + token + "' has no value after '='.");
            }
        }

        private void once(String part, String existing) throws RuleException {
            if (existing != null) {
                span("all", pos, 1);
                throw d.error("all", "this part is given twice; keep one.");
            }
        }

        private boolean word(String word) {
            int end = pos + word.length();
            if (text.regionMatches(true, pos, word, 0, word.length())
                    && (end == text.length() || Character.isWhitespace(text.charAt(end)))) {
                pos = end;
                skipSpaces();
                return true;
            }
            return false;
        }

        private String token(String part, String what) throws RuleException {
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw d.error("end", "expected " + what + ".");
            }
            return part(part, start, pos);
        }

        private String part(String part, int start, int end) {
            String raw = text.substring(start, end);
            String stripped = raw.strip();
            int lead = raw.indexOf(stripped.isEmpty() ? raw : stripped);
            span(part, start + Math.max(0, lead), Math.max(1, stripped.length()));
            return stripped;
        }

        private void span(String part, int start, int length) {
            d.spans.put(part, new int[] {start, length});
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }
}
