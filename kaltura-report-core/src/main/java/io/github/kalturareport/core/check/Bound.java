package io.github.kalturareport.core.check;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One side of a rule's range.
 *
 * @param number    the number as written ({@code 60} for {@code 60%})
 * @param percent   whether it was written with {@code %}: it then means {@code number / 100}
 * @param inclusive whether the bound itself is allowed ({@code >=}, {@code <=}, {@code <minimum>}, {@code <maximum>})
 */
public record Bound(BigDecimal number, boolean percent, boolean inclusive) {

    public Bound {
        Objects.requireNonNull(number, "number");
    }

    /** The value compared with the actual one: a percentage compares as a fraction, {@code 60%} as 0.6. */
    public double value() {
        return percent ? number.movePointLeft(2).doubleValue() : number.doubleValue();
    }

    /** {@code 60%} or {@code 0.6}, as written. */
    public String text() {
        return number.toPlainString() + (percent ? "%" : "");
    }
}
