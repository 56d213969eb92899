package io.github.kalturareport.core.report;

import java.util.Objects;

/**
 * A documented column of a report.
 *
 * @param name            the server's column name, as in the CSV header
 * @param type            what the column holds
 * @param descriptiveName the dashboard's words for it, used when descriptive headers are asked for
 */
public record ColumnDefinition(String name, ColumnType type, String descriptiveName) {
    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(descriptiveName, "descriptiveName");
    }
}
