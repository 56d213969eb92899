package io.github.kalturareport.core.fetch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The date range to fetch, in whole Unix seconds, inclusive at both ends (the server applies it to a session's
 * start time). Text such as {@code LAST_7_DAYS} or {@code 2025-04-01} becomes a range in
 * {@code io.github.kalturareport.core.config}.
 *
 * @param from        first second
 * @param to          last second, inclusive
 * @param zone        the zone dates and presets were read in
 * @param description how the user wrote it, e.g. {@code LAST_30_DAYS} or {@code 2025-04-01..2025-04-30}
 */
public record DateRange(Instant from, Instant to, ZoneId zone, String description) {

    /** The days a fetch covers, up to now, when no range is given. */
    public static final int DEFAULT_DAYS = 30;

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        from = from.truncatedTo(ChronoUnit.SECONDS);
        to = to.truncatedTo(ChronoUnit.SECONDS);
        description = description == null ? from + ".." + to : description;
    }

    /** The last {@code days} days up to now (calendar days in the zone), described as {@code LAST_<days>_DAYS}. */
    public static DateRange lastDays(int days, ZoneId zone, Clock clock) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS);
        return new DateRange(now.minusDays(days).toInstant(), now.toInstant(), zone, "LAST_" + days + "_DAYS");
    }

    /** First second as Unix seconds. */
    public long fromEpochSecond() {
        return from.getEpochSecond();
    }

    /** Last second (inclusive) as Unix seconds. */
    public long toEpochSecond() {
        return to.getEpochSecond();
    }
}
