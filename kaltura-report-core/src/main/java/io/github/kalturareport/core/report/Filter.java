package io.github.kalturareport.core.report;

import java.util.Optional;

/**
 * A filter that narrows a report to some ids. Which reports take which filter, and under which request key, is in
 * {@link ReportDefinition#filters()}.
 */
public enum Filter {
    ENTRY_IDS("entryIds"),
    VIRTUAL_EVENT_IDS("virtualEventIds"),
    USER_IDS("userIds"),
    CUE_POINT_IDS("cuePointIds"),
    PARENT_ENTRY_IDS("parentEntryIds");

    private final String parameter;

    Filter(String parameter) {
        this.parameter = parameter;
    }

    /** The user-facing name, e.g. {@code entryIds}: the setting's name in every front end. */
    public String parameter() {
        return parameter;
    }

    /** The filter with this user-facing name (exact spelling), if there is one. */
    public static Optional<Filter> byParameter(String name) {
        for (Filter f : values()) {
            if (f.parameter.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The user-facing name, so that messages and lists read as the user writes them. */
    @Override
    public String toString() {
        return parameter;
    }
}
