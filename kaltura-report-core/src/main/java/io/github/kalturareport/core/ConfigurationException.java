package io.github.kalturareport.core;

import java.util.Objects;

/** A bad setting, found before any network call or file is touched. */
public class ConfigurationException extends KalturaReportException {

    private final String parameter;

    /**
     * @param parameter the user-facing parameter name, e.g. {@code from}, {@code reports}, {@code thresholds}
     * @param message   the complete user-facing text (what, value, where, fix)
     */
    public ConfigurationException(String parameter, String message) {
        super(message);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    public ConfigurationException(String parameter, String message, Throwable cause) {
        super(message, cause);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    /** The user-facing parameter name, e.g. {@code from}, {@code reports}, {@code entryIds}. */
    public String parameter() {
        return parameter;
    }
}
