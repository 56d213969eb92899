package io.github.kalturareport.core.internal.collect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** A growable {@code double[]}: 8 bytes per value, for exact percentiles, where a {@code List<Double>} costs ~24. */
public final class DoubleList {

    private double[] values = new double[16];
    private int size;

    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    /**
     * The nearest-rank percentile: sort the n values and take the one at rank ⌈p/100 × n⌉ (at least 1). It is
     * always one of the values; p0 is the minimum and p100 the maximum.
     */
    public double percentile(BigDecimal p) {
        if (size == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, size);
        // Exact decimal arithmetic: 0.95 × 20 must be rank 19, not 19.000000000000004 rounded up to 20.
        int rank = p.multiply(BigDecimal.valueOf(size)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValue();
        return values[Math.max(1, Math.min(rank, size)) - 1];
    }
}
