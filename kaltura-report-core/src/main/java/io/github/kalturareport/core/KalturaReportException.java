package io.github.kalturareport.core;

/**
 * Anything that stops the library from doing what was asked. Checked, because every caller (the Maven plugin)
 * must turn it into a build failure with a useful text.
 *
 * <p>The message is the complete user-facing text: what went wrong, the value, where (file, line, column,
 * parameter) and the fix. It never contains a secret.
 */
public class KalturaReportException extends Exception {

    public KalturaReportException(String message) {
        super(message);
    }

    public KalturaReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
