package io.github.kalturareport.core.config;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.fetch.DateRange;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.PersonalData;
import io.github.kalturareport.core.report.Region;
import io.github.kalturareport.core.report.ReportDefinition;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings as a user types them, turned into typed values. Each method takes text that is set (not blank) and throws
 * a {@link ConfigurationException} naming the setting, the value and the fix.
 */
public final class SettingParser {

    /** The period used when neither {@code period} nor {@code from} is set. */
    public static final String DEFAULT_PERIOD = "LAST_" + DateRange.DEFAULT_DAYS + "_DAYS";

    private SettingParser() {
    }

    /** A whole number of at least {@code minimum}, e.g. {@code "8"}; surrounding blanks are ignored. */
    public static int wholeNumber(String parameter, String text, int minimum) throws ConfigurationException {
        String t = text.trim();
        try {
            int number = Integer.parseInt(t);
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(parameter, "Invalid " + parameter + " '" + t
                + "': use a whole number of at least " + minimum + ".");
    }

    /** A positive duration: seconds ({@code "30"}) or ISO-8601 ({@code "PT10M"}). */
    public static Duration duration(String parameter, String text) throws ConfigurationException {
        String t = text.trim();
        try {
            Duration duration = t.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(t))
                    : Duration.parse(t);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new ConfigurationException(parameter, "Invalid " + parameter + " '" + t
                + "': use seconds such as 30 or an ISO-8601 duration such as PT30S.");
    }

    /** US, EU, DE, SG, CA or AU, case-insensitive. */
    public static Region region(String text) throws ConfigurationException {
        try {
            return Region.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("region", "Unknown region '" + text + "': use one of "
                    + Arrays.stream(Region.values()).map(Region::name).collect(Collectors.joining(", "))
                    + ", or set serviceUrl for a self-hosted Kaltura.");
        }
    }

    /**
     * An API base URL such as {@code https://www.kaltura.com}. Only its syntax is checked here; that it is a plain
     * http(s) base URL is checked with the other fetch settings, in the same words.
     */
    public static URI serviceUrl(String text) throws ConfigurationException {
        String t = text.trim();
        try {
            return new URI(t);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("serviceUrl", "Bad serviceUrl '" + t + "': write the API's base URL "
                    + "such as https://www.kaltura.com or http://127.0.0.1:8080 (no /api_v3, no query).");
        }
    }

    /** A URL's syntax; that it is a plain http(s) base URL is checked with the other fetch settings. */
    public static URI url(String parameter, String text, String example) throws ConfigurationException {
        String t = text.trim();
        try {
            return new URI(t);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(parameter, "Bad " + parameter + " '" + t + "': write a base URL such as "
                    + example + " (no query).");
        }
    }

    /** A positive whole number such as {@code 1234567}. */
    public static int partnerId(String text) throws ConfigurationException {
        try {
            int pid = Integer.parseInt(text.trim());
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("partnerId", "Bad partnerId '" + text
                + "': a Kaltura partner id is a positive whole number such as 1234567.");
    }

    /** A zone id such as {@code UTC} or {@code Europe/Paris}. */
    public static ZoneId timeZone(String text) throws ConfigurationException {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new ConfigurationException("timeZone", "Unknown timeZone '" + text
                    + "': use a zone id such as UTC, Europe/Paris or America/New_York.");
        }
    }

    /** Report names or ids, comma-separated, e.g. {@code rooms,attendees,6003}; duplicates dropped. */
    public static List<ReportDefinition> reports(String csv) throws ConfigurationException {
        Set<ReportDefinition> list = new LinkedHashSet<>();
        for (String item : csv.split(",", -1)) {
            if (item.isBlank()) {
                throw new ConfigurationException("reports", "Bad reports '" + csv + "': an empty name between "
                        + "commas; list names or ids such as rooms,attendees,6003.");
            }
            list.add(report("reports", item));
        }
        return new ArrayList<>(list);
    }

    /** One report name or id, for the setting {@code parameter}. */
    public static ReportDefinition report(String parameter, String text) throws ConfigurationException {
        try {
            return ReportDefinition.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(parameter, e.getMessage());
        }
    }

    /** A filter by its name: entryIds, virtualEventIds, userIds, cuePointIds or parentEntryIds. */
    public static Filter filter(String name) throws ConfigurationException {
        return Filter.byParameter(name).orElseThrow(() -> new ConfigurationException(name, "Unknown filter '" + name
                + "': use one of " + Arrays.stream(Filter.values()).map(Filter::parameter)
                        .collect(Collectors.joining(", ")) + "."));
    }

    /** A filter's ids, comma-separated: none empty, none with a {@code ;} (Kaltura could not receive it). */
    public static List<String> ids(Filter filter, String csv) throws ConfigurationException {
        String name = filter.parameter();
        List<String> values = new ArrayList<>();
        for (String item : csv.split(",", -1)) {
            String v = item.trim();
            if (v.isEmpty()) {
                throw new ConfigurationException(name, "Bad " + name + " '" + csv + "': an empty value between "
                        + "commas; write the ids separated by commas, e.g. 1_abc,1_def.");
            }
            // The params string has no escaping: a ';' would start a new key (docs/kaltura-protocol.md).
            if (v.contains(";")) {
                throw new ConfigurationException(name, "Bad " + name + " value '" + v + "': Kaltura cannot "
                        + "receive a ';' inside a filter value; remove it.");
            }
            values.add(v);
        }
        return values;
    }

    /**
     * The range from {@code period}, {@code from} and {@code to}, each null or blank when not set. {@code from}/
     * {@code to} override {@code period} ({@value #DEFAULT_PERIOD} when none is set); a {@code to} without
     * {@code from} ends the period there; a {@code from} without {@code to} runs until now; a {@code from} date
     * starts at the start of its day in the zone and a {@code to} date covers its whole day.
     *
     * @param period {@code LAST_7_DAYS}, {@code LAST_30_DAYS}, {@code LAST_120_DAYS}, {@code LAST_365_DAYS} or a
     *               positive ISO-8601 duration such as {@code P14D} or {@code PT12H}, ending now (or at {@code to})
     * @param from   an ISO date ({@code 2025-04-21}) or date-time, with or without offset
     * @param to     the same, inclusive
     * @param zone   where dates, date-times without offset and presets are read
     * @param clock  where "now" comes from
     */
    public static DateRange dateRange(String period, String from, String to, ZoneId zone, Clock clock)
            throws ConfigurationException {
        return DateRangeParser.resolve(blankToNull(period), blankToNull(from), blankToNull(to), zone, clock);
    }

    /**
     * What a fetch does with personal data: {@code mode} is {@code keep}, {@code pseudonymize} or {@code drop}
     * (null: keep); {@code columns} (null: none) names columns with their own mode, comma-separated, each
     * {@code column=mode} or a bare {@code column} (personal, with the default mode): e.g.
     * {@code user_type=keep,user_email=drop}, or {@code student_id,student_mail} for a custom report.
     */
    public static PersonalData personalData(String mode, String columns) throws ConfigurationException {
        PersonalData.Mode defaultMode = mode == null || mode.isBlank() ? PersonalData.Mode.KEEP
                : personalDataMode("personalData", mode, mode);
        PersonalData result = PersonalData.of(defaultMode);
        if (columns == null || columns.isBlank()) {
            return result;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String entry : columns.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String column = (eq < 0 ? e : e.substring(0, eq)).strip();
            if (column.isEmpty()) {
                throw new ConfigurationException("personalColumns", "Bad personalColumns entry '" + e + "': name a"
                        + " column before '=', as in user_email=drop.");
            }
            if (!seen.add(column)) {
                throw new ConfigurationException("personalColumns", "personalColumns names " + column + " twice: "
                        + "give each column once.");
            }
            result = result.withColumn(column, eq < 0 ? null
                    : personalDataMode("personalColumns", e.substring(eq + 1), e));
        }
        return result;
    }

    private static PersonalData.Mode personalDataMode(String parameter, String text, String entry)
            throws ConfigurationException {
        return PersonalData.Mode.parse(text).orElseThrow(() -> new ConfigurationException(parameter, "Bad "
                + parameter + " '" + entry.strip() + "': the mode is keep, pseudonymize or drop"
                + (parameter.equals("personalColumns") ? ", as in user_type=keep,user_email=drop." : ".")));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
