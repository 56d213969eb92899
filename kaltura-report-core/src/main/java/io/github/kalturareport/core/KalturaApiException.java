package io.github.kalturareport.core;

import java.util.Map;

/**
 * An error answered by the Kaltura API (such as {@code INVALID_KS}, {@code SERVICE_FORBIDDEN},
 * {@code REPORT_NOT_FOUND}); the message says what to do about it.
 */
public class KalturaApiException extends KalturaReportException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Map<String, String> args;

    public KalturaApiException(String code, Map<String, String> args, String message) {
        super(message);
        this.code = code;
        this.args = args == null ? Map.of() : Map.copyOf(args);
    }

    /** The API's error code, e.g. {@code INVALID_KS}. */
    public String code() {
        return code;
    }

    /** The error's arguments as the API sent them (with any secret removed); empty when there are none. */
    public Map<String, String> args() {
        return args;
    }
}
