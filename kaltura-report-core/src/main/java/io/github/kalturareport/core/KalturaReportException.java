package io.github.kalturareport.core;

/**
 * A failure of kaltura-report. Its message is the complete user-facing text: what went wrong, the value, where, and
 * the fix. It never contains a secret.
 */
public class KalturaReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public KalturaReportException(String message) {
        super(message);
    }

    public KalturaReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
