package io.github.kalturareport.core.internal.archive;

import io.github.kalturareport.core.report.ColumnType;
import java.util.Locale;

/**
 * What differs between the two databases. The schema's SQL is written once: {@code BIGINT}, {@code DOUBLE PRECISION}
 * and {@code TEXT} mean integer, floating point and text in both, and both upsert with
 * {@code INSERT … ON CONFLICT … DO UPDATE}.
 */
public enum Dialect {
    SQLITE, POSTGRESQL;

    static Dialect of(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }

    /** Integers for times and counts, floating point for ratios and amounts (minutes, seconds), text otherwise. */
    static String sqlType(ColumnType type) {
        return switch (type) {
            case TIMESTAMP, COUNT -> "BIGINT";
            case RATIO, AMOUNT -> "DOUBLE PRECISION";
            case ID, TEXT -> "TEXT";
        };
    }

    /** A name quoted for SQL, so that any column name the server sends is one. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
