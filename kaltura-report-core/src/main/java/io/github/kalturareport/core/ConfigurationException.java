package io.github.kalturareport.core;

/** A bad setting, reported before any network call. */
public class ConfigurationException extends KalturaReportException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the user-facing parameter name, e.g. {@code from}, {@code reports}, {@code entryIds}
     * @param message   the complete user-facing text
     */
    public ConfigurationException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The user-facing parameter name, e.g. {@code from}, {@code reports}, {@code entryIds}. */
    public String parameter() {
        return parameter;
    }
}
