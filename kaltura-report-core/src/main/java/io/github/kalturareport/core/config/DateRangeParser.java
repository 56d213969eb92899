package io.github.kalturareport.core.config;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.fetch.DateRange;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The date range as a user writes it: a period preset or duration, and/or {@code from} and {@code to} dates. */
final class DateRangeParser {

    private static final String DATE_HELP = "write an ISO date such as 2025-04-21 or a date-time such as "
            + "2025-04-21T18:00, 2025-04-21T18:00:00Z or 2025-04-21T18:00:00+02:00";

    private DateRangeParser() {
    }

    /** See {@link SettingParser#dateRange}. */
    static DateRange resolve(String period, String from, String to, ZoneId zone, Clock clock)
            throws ConfigurationException {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime end = to == null ? now : parseTo(to, zone);
        ZonedDateTime start;
        String description;
        if (from != null) {
            start = parseFrom(from, zone);
            description = from + ".." + (to == null ? "now" : to);
        } else {
            String p = period == null ? SettingParser.DEFAULT_PERIOD : period;
            start = minus(end, p);
            description = p.toUpperCase(Locale.ROOT) + (to == null ? "" : " ending " + to);
        }
        if (start.isAfter(end)) {
            if (from != null && to != null) {
                throw new ConfigurationException("from", "from (" + from + ") is after to (" + to
                        + "): swap them, or set to to a later date.");
            }
            throw new ConfigurationException(from != null ? "from" : "to", "The range starts at " + start
                    + ", after its end " + end + ": check from, to and period.");
        }
        return new DateRange(start.toInstant(), end.toInstant(), zone, description);
    }

    private static ZonedDateTime parseFrom(String value, ZoneId zone) throws ConfigurationException {
        String v = value.trim();
        try {
            return LocalDate.parse(v).atStartOfDay(zone);
        } catch (DateTimeParseException notADate) {
            return parseDateTime("from", v, zone);
        }
    }

    private static ZonedDateTime parseTo(String value, ZoneId zone) throws ConfigurationException {
        String v = value.trim();
        try {
            // The whole day: up to the last second before the next day starts (23:59:59 on most days; DST-safe).
            return LocalDate.parse(v).plusDays(1).atStartOfDay(zone).minusSeconds(1);
        } catch (DateTimeParseException notADate) {
            return parseDateTime("to", v, zone);
        }
    }

    private static ZonedDateTime parseDateTime(String parameter, String v, ZoneId zone)
            throws ConfigurationException {
        try {
            return OffsetDateTime.parse(v).atZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(v).atZone(zone).truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                throw new ConfigurationException(parameter, "Bad " + parameter + " '" + v + "': " + DATE_HELP
                        + " (a date-time without offset is read in timeZone " + zone + ").");
            }
        }
    }

    private static ZonedDateTime minus(ZonedDateTime end, String period) throws ConfigurationException {
        String p = period.trim().toUpperCase(Locale.ROOT);
        switch (p) {
            case "LAST_7_DAYS":
                return end.minusDays(7);
            case "LAST_30_DAYS":
                return end.minusDays(30);
            case "LAST_120_DAYS":
                return end.minusDays(120);
            case "LAST_365_DAYS":
                return end.minusDays(365);
            default:
                break;
        }
        try {
            if (p.startsWith("P") && !p.contains("T")) {
                Period calendar = Period.parse(p);
                if (!calendar.isNegative() && !calendar.isZero()) {
                    return end.minus(calendar);
                }
            } else if (p.startsWith("P")) {
                Duration exact = Duration.parse(p);
                if (!exact.isNegative() && !exact.isZero()) {
                    return end.minus(exact);
                }
            }
        } catch (DateTimeException e) {
            // falls through to the error below
        }
        throw new ConfigurationException("period", "Bad period '" + period + "': use LAST_7_DAYS, LAST_30_DAYS, "
                + "LAST_120_DAYS, LAST_365_DAYS or a positive ISO-8601 duration such as P14D, P2W, P1M or PT12H.");
    }
}
