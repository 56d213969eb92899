package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import java.time.Duration;

/**
 * How hard a fetch may push: requests in flight, retries and their backoff, the server's row cap, a session's
 * lifetime, how long a Reports microservice report may take. {@link #DEFAULTS} suits Kaltura; change one value with a {@code with…} method.
 *
 * @param concurrency     requests in flight at once, over all reports and windows; 1 to 64
 * @param maxRetries      retries per request for transient failures; 0 to 100
 * @param retryBaseDelay  the first retry's delay before jitter; doubles per attempt
 * @param retryMaxDelay   the longest delay between retries, also the cap on a server's Retry-After
 * @param rowCap          the server's row cap per call; a call returning this many rows is split
 * @param sessionLifetime how long a KS made by the library lives (it is renewed before it expires); at least 2 s
 * @param reportTimeout   how long a Reports microservice report may take to be made (polled until then)
 */
public record Limits(int concurrency, int maxRetries, Duration retryBaseDelay, Duration retryMaxDelay, int rowCap,
        Duration sessionLifetime, Duration reportTimeout) {

    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofSeconds(60);
    /** The Kaltura server's row cap per call: a result of exactly this many rows may have been cut short. */
    public static final int KALTURA_ROW_CAP = 100_000;
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(1);
    public static final Duration DEFAULT_REPORT_TIMEOUT = Duration.ofMinutes(30);

    public static final Limits DEFAULTS = new Limits(DEFAULT_CONCURRENCY, DEFAULT_MAX_RETRIES,
            DEFAULT_RETRY_BASE_DELAY, DEFAULT_RETRY_MAX_DELAY, KALTURA_ROW_CAP, DEFAULT_SESSION_LIFETIME,
            DEFAULT_REPORT_TIMEOUT);

    /** The limits before reportTimeout existed; it takes its default. */
    public Limits(int concurrency, int maxRetries, Duration retryBaseDelay, Duration retryMaxDelay, int rowCap,
            Duration sessionLifetime) {
        this(concurrency, maxRetries, retryBaseDelay, retryMaxDelay, rowCap, sessionLifetime, DEFAULT_REPORT_TIMEOUT);
    }

    public Limits withConcurrency(int value) {
        return new Limits(value, maxRetries, retryBaseDelay, retryMaxDelay, rowCap, sessionLifetime, reportTimeout);
    }

    public Limits withMaxRetries(int value) {
        return new Limits(concurrency, value, retryBaseDelay, retryMaxDelay, rowCap, sessionLifetime, reportTimeout);
    }

    /** The backoff: the first retry's delay and the longest. */
    public Limits withRetryDelays(Duration base, Duration max) {
        return new Limits(concurrency, maxRetries, base, max, rowCap, sessionLifetime, reportTimeout);
    }

    /** Change only for a server with another cap than Kaltura's 100,000. */
    public Limits withRowCap(int value) {
        return new Limits(concurrency, maxRetries, retryBaseDelay, retryMaxDelay, value, sessionLifetime,
                reportTimeout);
    }

    public Limits withSessionLifetime(Duration value) {
        return new Limits(concurrency, maxRetries, retryBaseDelay, retryMaxDelay, rowCap, value, reportTimeout);
    }

    /** How long a Reports microservice report may take to be made; default 30 minutes. */
    public Limits withReportTimeout(Duration value) {
        return new Limits(concurrency, maxRetries, retryBaseDelay, retryMaxDelay, rowCap, sessionLifetime, value);
    }

    void validate() throws ConfigurationException {
        Checks.requireRange("concurrency", concurrency, 1, 64);
        Checks.requireRange("maxRetries", maxRetries, 0, 100);
        Checks.requireRange("rowCap", rowCap, 1, Integer.MAX_VALUE);
        Checks.requirePositive("retryBaseDelay", retryBaseDelay);
        Checks.requirePositive("retryMaxDelay", retryMaxDelay);
        Checks.requirePositive("sessionLifetime", sessionLifetime);
        Checks.requirePositive("reportTimeout", reportTimeout);
        if (sessionLifetime.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new ConfigurationException("sessionLifetime", "sessionLifetime " + sessionLifetime
                    + " is too short: use at least 2 seconds.");
        }
    }
}
