package io.github.kalturareport.core.internal.http;

import java.io.IOException;
import java.time.Duration;

/** A failure that is worth retrying: 429, 502, 503, 504, an empty answer, a body cut short, a Druid timeout. */
public final class RetryableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    /**
     * @param reason     why, for the log; never holds a secret
     * @param retryAfter the server's Retry-After, or null
     */
    public RetryableException(String reason, Duration retryAfter) {
        super(reason);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
