package io.github.kalturareport.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backsOffExponentiallyWithEqualJitterUpToTheCap() {
        RetryPolicy low = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.0);
        RetryPolicy high = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.999999);
        assertThat(low.delay(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.delay(1, null)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(low.delay(3, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(high.delay(3, null)).isBetween(Duration.ofMillis(3999), Duration.ofSeconds(4));
        assertThat(low.delay(10, null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(high.delay(60, null)).isBetween(Duration.ofMillis(9999), Duration.ofSeconds(10));
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.0);
        assertThat(p.delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(p.delay(1, Duration.ofSeconds(3600))).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delay(1, Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void countsRetries() {
        RetryPolicy p = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), () -> 0.5);
        assertThat(p.allows(1)).isTrue();
        assertThat(p.allows(2)).isTrue();
        assertThat(p.allows(3)).isFalse();
        assertThat(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), () -> 0.5).allows(1)).isFalse();
    }
}
