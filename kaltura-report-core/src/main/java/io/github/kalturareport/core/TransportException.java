package io.github.kalturareport.core;

/** A network or HTTP failure that persisted after the retries, or one that retrying cannot fix. */
public class TransportException extends KalturaReportException {

    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
