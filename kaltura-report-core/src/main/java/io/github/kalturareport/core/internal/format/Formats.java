package io.github.kalturareport.core.internal.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How numbers and times are shown to people, the same in every message and output of the check. */
public final class Formats {

    private static final MathContext SIGNIFICANT = new MathContext(6);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    /** Up to six significant digits, no exponent, no trailing zeros: {@code 0.482}, {@code 1234.5}, {@code 7}. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "no data";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage with at most two decimals: 0.482 gives {@code 48.2%}, 0.6072871 {@code 60.73%}. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "no data";
        }
        return new BigDecimal(fraction * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + "%";
    }

    /** Unix seconds as {@code 2025-04-21 10:00} in the zone. */
    public static String time(double epochSeconds, ZoneId zone) {
        return Double.isNaN(epochSeconds) ? "" : DATE_TIME.format(Instant.ofEpochSecond((long) epochSeconds)
                .atZone(zone));
    }
}
