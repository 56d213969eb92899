package io.github.kalturareport.core.report;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.report.ColumnDefinition.Personal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a fetch does with personal data, and what a check may show of it: a mode for the personal columns the
 * catalogue marks ({@link ReportDefinition#personalColumns()}), and per-column overrides that also name the personal
 * columns of a custom report. Immutable. The pseudonym key is not part of it: it is a secret the fetch holds.
 */
public final class PersonalData {

    /** As today: every column saved as the server sends it. */
    public static final PersonalData KEEP = new PersonalData(Mode.KEEP, Map.of());

    /** What happens to a personal column. */
    public enum Mode {
        /** Saved as sent. */
        KEEP,
        /** Replaced by {@code p_} and the first 16 hex characters of HMAC-SHA256(key, value); empty stays empty. */
        PSEUDONYMIZE,
        /** Asked of Kaltura as {@code excludedFields}: it never leaves Kaltura. */
        DROP;

        /** {@code keep}, {@code pseudonymize} or {@code drop}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A mode by its text, case-insensitive; {@code pseudonymise} is accepted too. */
        public static Optional<Mode> parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (Mode m : values()) {
                if (m.text().equals(t)) {
                    return Optional.of(m);
                }
            }
            return t.equals("pseudonymise") ? Optional.of(PSEUDONYMIZE) : Optional.empty();
        }
    }

    private final Mode mode;
    /** Column to its own mode; an empty value means the default {@link #mode()}. */
    private final Map<String, Optional<Mode>> columns;

    private PersonalData(Mode mode, Map<String, Optional<Mode>> columns) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** This mode for every personal column. */
    public static PersonalData of(Mode mode) {
        return new PersonalData(mode, Map.of());
    }

    /**
     * A column with its own mode ({@code null}: the default mode). A column the catalogue does not mark becomes
     * personal this way: that is how a custom report's personal columns are named.
     */
    public PersonalData withColumn(String column, Mode columnMode) {
        Map<String, Optional<Mode>> more = new LinkedHashMap<>(columns);
        more.put(Objects.requireNonNull(column, "column"), Optional.ofNullable(columnMode));
        return new PersonalData(mode, more);
    }

    /** The default mode, for every personal column without its own. */
    public Mode mode() {
        return mode;
    }

    /** The columns named, each with its own mode or empty for the default. */
    public Map<String, Optional<Mode>> columns() {
        return columns;
    }

    /** A report's personal columns (the catalogue's, then those named) with what happens to each. */
    public Map<String, Mode> columnsOf(ReportDefinition report) {
        Map<String, Mode> result = new LinkedHashMap<>();
        for (String c : report.personalColumns()) {
            result.put(c, columns.getOrDefault(c, Optional.empty()).orElse(mode));
        }
        for (Map.Entry<String, Optional<Mode>> e : columns.entrySet()) {
            if (report.isCustom() || report.column(e.getKey()).isPresent()) {
                result.put(e.getKey(), e.getValue().orElse(mode));
            }
        }
        return result;
    }

    /** The columns of the report in this mode, in the order of {@link #columnsOf}. */
    public List<String> columnsIn(ReportDefinition report, Mode wanted) {
        List<String> result = new ArrayList<>();
        columnsOf(report).forEach((column, m) -> {
            if (m == wanted) {
                result.add(column);
            }
        });
        return result;
    }

    /** Whether any of the reports has a column to pseudonymise (and so the fetch needs the key). */
    public boolean pseudonymizes(List<ReportDefinition> reports) {
        return reports.stream().anyMatch(r -> !columnsIn(r, Mode.PSEUDONYMIZE).isEmpty());
    }

    /**
     * How a column's values may be shown in a check's output: the catalogue's kind; any other column named here is
     * of unknown shape and is never shown ({@link Personal#NAME}), whatever its mode.
     */
    public Personal kind(ReportDefinition report, String column) {
        Personal documented = report.column(column).map(ColumnDefinition::personal).orElse(Personal.NONE);
        if (documented != Personal.NONE) {
            return documented;
        }
        return columns.containsKey(column) ? Personal.NAME : Personal.NONE;
    }

    /**
     * Checks every named column against the reports: with only documented reports, a name none of them has is an
     * error with the nearest name offered (a custom report's columns are known only from its header).
     *
     * @param parameter the setting that named the columns, for the message
     */
    public void validate(List<ReportDefinition> reports, String parameter) throws ConfigurationException {
        if (reports.stream().anyMatch(ReportDefinition::isCustom)) {
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        for (ReportDefinition r : reports) {
            r.columns().forEach(c -> known.add(c.name()));
        }
        for (String column : columns.keySet()) {
            if (!known.contains(column)) {
                String near = nearest(column, known);
                throw new ConfigurationException(parameter, "Unknown column '" + column + "' in " + parameter
                        + ": none of the reports fetched (" + names(reports) + ") has it"
                        + (near == null ? "" : "; did you mean " + near + "?") + " Their columns: "
                        + String.join(", ", known) + ".");
            }
        }
    }

    private static String names(List<ReportDefinition> reports) {
        List<String> names = new ArrayList<>();
        reports.forEach(r -> names.add(r.name()));
        return String.join(", ", names);
    }

    /** The known name closest by edit distance, if it is close enough to be a typo (at most a third changed). */
    static String nearest(String wrong, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wrong.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, wrong.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** {@code pseudonymize}, or {@code pseudonymize (user_type=keep, user_email=drop)}. */
    public String text() {
        if (columns.isEmpty()) {
            return mode.text();
        }
        List<String> parts = new ArrayList<>();
        columns.forEach((c, m) -> parts.add(m.map(x -> c + "=" + x.text()).orElse(c)));
        return mode.text() + " (" + String.join(", ", parts) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalData p && p.mode == mode && p.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, columns);
    }

    @Override
    public String toString() {
        return "personalData=" + text();
    }
}
