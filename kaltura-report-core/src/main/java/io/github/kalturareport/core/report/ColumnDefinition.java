package io.github.kalturareport.core.report;

import java.util.Objects;

/**
 * A documented column of a report.
 *
 * @param name            the server's column name, as in the CSV header
 * @param type            what the column holds
 * @param descriptiveName the dashboard's words for it, used when descriptive headers are asked for
 * @param personal        whether, and how, it holds personal data (README, Personal data)
 */
public record ColumnDefinition(String name, ColumnType type, String descriptiveName, Personal personal) {
    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(descriptiveName, "descriptiveName");
        Objects.requireNonNull(personal, "personal");
    }

    /** A column without personal data. */
    public ColumnDefinition(String name, ColumnType type, String descriptiveName) {
        this(name, type, descriptiveName, Personal.NONE);
    }

    public boolean isPersonal() {
        return personal != Personal.NONE;
    }

    /**
     * What personal data a column holds, which decides how its values may be shown in what travels (the check's
     * outputs): never a name, an e-mail address only masked.
     */
    public enum Personal {
        /** No personal data. */
        NONE,
        /** A user's id: shown, but masked when it is shaped like an e-mail address (Kaltura ids often are). */
        USER_ID,
        /** An e-mail address: shown masked ({@code a…@example.edu}). */
        EMAIL,
        /** A person's name, or personal data of unknown shape: never shown. */
        NAME
    }
}
