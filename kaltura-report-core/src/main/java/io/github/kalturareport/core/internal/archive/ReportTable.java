package io.github.kalturareport.core.internal.archive;

import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ColumnType;
import io.github.kalturareport.core.report.ReportDefinition;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A report's table, derived from its {@link ReportDefinition} by one rule, so that every report, later ones
 * included, gets one the same way (docs/archive.md): named after the report in snake case ({@code rooms},
 * {@code chat_transcripts}, {@code report_6003}); one column per column, with the server's name and the SQL type of
 * its {@link ColumnType}; the primary key made of its {@link ColumnType#ID} columns, the identifiers every row
 * carries. A report without any (a custom report) is keyed by {@value #ROW_KEY}, a hash of the whole row, and its
 * columns are text. Columns the server adds later are added as text.
 */
public final class ReportTable {

    /** The key column of a report without identifier columns: the SHA-256 of its values. */
    public static final String ROW_KEY = "row_key";

    private final ReportDefinition report;
    private final String name;
    private final List<String> keyColumns;

    private ReportTable(ReportDefinition report) {
        this.report = report;
        this.name = tableName(report);
        List<String> keys = keyColumns(report);
        this.keyColumns = keys.isEmpty() ? List.of(ROW_KEY) : keys;
    }

    public static ReportTable of(ReportDefinition report) {
        return new ReportTable(report);
    }

    /** {@code rooms}, {@code attendees}, {@code breakouts}, {@code chat_transcripts}, {@code report_6003}. */
    public static String tableName(ReportDefinition report) {
        String snake = report.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return snake.replaceAll("[^a-z0-9_]", "_");
    }

    /** The columns that identify a row: the report's identifier columns; empty for a report without any. */
    public static List<String> keyColumns(ReportDefinition report) {
        List<String> keys = new ArrayList<>();
        for (ColumnDefinition c : report.columns()) {
            if (c.type() == ColumnType.ID) {
                keys.add(c.name());
            }
        }
        return keys;
    }

    public String name() {
        return name;
    }

    public List<String> keys() {
        return keyColumns;
    }

    /** Whether rows are keyed by a hash of their values. */
    boolean hashed() {
        return keyColumns.equals(List.of(ROW_KEY));
    }

    ReportDefinition report() {
        return report;
    }

    /** The SQL type of a column of this table: its documented type's, text for any other. */
    String sqlType(String column) {
        return report.column(column).map(c -> Dialect.sqlType(c.type())).orElse("TEXT");
    }

    ColumnType columnType(String column) {
        return report.column(column).map(ColumnDefinition::type).orElse(ColumnType.TEXT);
    }

    /**
     * Creates the table when missing and adds the columns of {@code header} it lacks (columns the server added
     * since, or a custom report's new ones): with DDL in the run's transaction, this is undone with the run.
     */
    void ensure(ArchiveDatabase db, List<String> header) throws SQLException {
        Map<String, String> wanted = new LinkedHashMap<>();
        if (hashed()) {
            wanted.put(ROW_KEY, "TEXT NOT NULL");
        }
        for (ColumnDefinition c : report.columns()) {
            wanted.put(c.name(), Dialect.sqlType(c.type()) + (keyColumns.contains(c.name()) ? " NOT NULL" : ""));
        }
        for (String h : header) {
            wanted.putIfAbsent(h, "TEXT");
        }
        try (Statement s = db.connection().createStatement()) {
            Set<String> existing = existingColumns(db);
            if (existing == null) {
                List<String> defs = new ArrayList<>();
                wanted.forEach((column, type) -> defs.add(Dialect.quote(column) + " " + type));
                List<String> keys = keyColumns.stream().map(Dialect::quote).toList();
                // SQLite: the key is the table's own B-tree (WITHOUT ROWID), not a second index beside it.
                s.executeUpdate("CREATE TABLE " + Dialect.quote(name) + " (" + String.join(", ", defs)
                        + ", PRIMARY KEY (" + String.join(", ", keys) + "))"
                        + (db.dialect() == Dialect.SQLITE ? " WITHOUT ROWID" : ""));
                return;
            }
            for (Map.Entry<String, String> w : wanted.entrySet()) {
                if (!existing.contains(w.getKey())) {
                    s.executeUpdate("ALTER TABLE " + Dialect.quote(name) + " ADD COLUMN " + Dialect.quote(w.getKey())
                            + " " + w.getValue().replace(" NOT NULL", ""));
                }
            }
        }
    }

    /** The table's columns, or null when it does not exist. */
    private Set<String> existingColumns(ArchiveDatabase db) throws SQLException {
        String schema = db.dialect() == Dialect.POSTGRESQL ? db.connection().getSchema() : null;
        try (ResultSet r = db.connection().getMetaData().getTables(null, schema, name, new String[] {"TABLE"})) {
            boolean found = false;
            while (r.next()) {
                if (r.getString("TABLE_NAME").equals(name)) {
                    found = true;
                }
            }
            if (!found) {
                return null;
            }
        }
        Set<String> columns = new LinkedHashSet<>();
        try (Statement s = db.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM " + Dialect.quote(name) + " WHERE 1 = 0")) {
            ResultSetMetaData meta = r.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
        }
        return columns;
    }

    /** The upsert of these columns, one row of parameters: a row whose key exists is updated where a value differs. */
    String upsert(List<String> columns) {
        return insertHead(columns) + "(" + String.join(", ", all(columns).stream().map(c -> "?").toList()) + ")"
                + onConflict(columns);
    }

    /** {@code INSERT INTO t (c1, c2, …) VALUES }: the rows follow. */
    String insertHead(List<String> columns) {
        return "INSERT INTO " + Dialect.quote(name) + " (" + String.join(", ", all(columns).stream()
                .map(Dialect::quote).toList()) + ") VALUES ";
    }

    /** What a row whose key exists does: updated where a value differs, else nothing. */
    String onConflict(List<String> columns) {
        StringBuilder sql = new StringBuilder(" ON CONFLICT (")
                .append(String.join(", ", keyColumns.stream().map(Dialect::quote).toList())).append(") ");
        List<String> set = new ArrayList<>();
        List<String> differs = new ArrayList<>();
        for (String c : all(columns)) {
            if (!keyColumns.contains(c)) {
                String q = Dialect.quote(c);
                set.add(q + " = excluded." + q);
                differs.add(Dialect.quote(name) + "." + q + " IS DISTINCT FROM excluded." + q);
            }
        }
        if (set.isEmpty() || hashed()) {
            return sql.append("DO NOTHING").toString(); // a hashed row's values are its key: nothing can differ
        }
        return sql.append("DO UPDATE SET ").append(String.join(", ", set)).append(" WHERE ")
                .append(String.join(" OR ", differs)).toString();
    }

    private List<String> all(List<String> columns) {
        List<String> all = new ArrayList<>(columns);
        if (hashed()) {
            all.add(0, ROW_KEY);
        }
        return all;
    }
}
