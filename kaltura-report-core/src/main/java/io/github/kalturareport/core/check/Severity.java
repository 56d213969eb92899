package io.github.kalturareport.core.check;

/** What a breached rule means: {@code error} fails the build (when the caller halts on failure), {@code warning} never does. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
