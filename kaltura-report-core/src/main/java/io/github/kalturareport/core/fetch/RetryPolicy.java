package io.github.kalturareport.core.fetch;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of {@code base × 2^(n-1)}, capped at
 * {@code max}; a server's Retry-After is honoured (waited at least) up to the same cap.
 */
final class RetryPolicy {

    private final int maxRetries;
    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    /**
     * @param random a source of numbers in [0, 1) for the jitter
     */
    RetryPolicy(int maxRetries, Duration base, Duration max, DoubleSupplier random) {
        this.maxRetries = maxRetries;
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** Whether retry number {@code retry} (1 = the first retry) is allowed. */
    boolean allows(int retry) {
        return retry <= maxRetries;
    }

    int maxRetries() {
        return maxRetries;
    }

    /**
     * The wait before retry number {@code retry} (1-based).
     *
     * @param retryAfter the server's Retry-After, or null
     */
    Duration delay(int retry, Duration retryAfter) {
        long cap = max.toMillis();
        long exponential = base.toMillis();
        for (int i = 1; i < retry && exponential < cap; i++) {
            exponential *= 2;
        }
        exponential = Math.min(exponential, cap);
        // "Equal jitter": spreads clients that failed together, yet never waits less than half.
        long jittered = exponential / 2 + (long) (random.getAsDouble() * (exponential - exponential / 2));
        if (retryAfter != null) {
            jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), cap));
        }
        return Duration.ofMillis(jittered);
    }
}
