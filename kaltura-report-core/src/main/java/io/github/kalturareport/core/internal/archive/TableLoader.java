package io.github.kalturareport.core.internal.archive;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.internal.csv.CsvReader;
import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.report.ColumnDefinition;
import io.github.kalturareport.core.report.ColumnType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Streams a saved report file into its table, row by row in batches, inside the archive's transaction: a row whose
 * key is new is inserted, one whose key exists is updated where a value differs, so a report loaded twice is not
 * doubled. Only the batch in hand is in memory. The file may have the server's headers or the descriptive ones (its
 * times then ISO-8601): both map back to the server's columns.
 */
public final class TableLoader {

    /** Rows per JDBC batch: large enough to amortise the round trip, small enough to keep the heap flat. */
    static final int BATCH = 1000;

    /** What a load did: new rows, rows whose values changed, and rows already there as they were. */
    public record Counts(long inserted, long updated, long unchanged) {
    }

    private TableLoader() {
    }

    /** Loads one file as a report's only one (a {@link Session} of one file). */
    public static Counts load(ArchiveDatabase db, ReportTable table, Path csv) throws KalturaReportException {
        Session session = new Session(db, table);
        session.load(csv);
        return session.counts();
    }

    /**
     * One report's loads in one run: its windows' files, one after another in the order of the saved file, so that
     * a fetch loads each window while later ones download, with the same result as loading the whole file at the
     * end. The counts are the session's, taken from the table's size before the first file and after the last.
     */
    public static final class Session {
        private final ArchiveDatabase db;
        private final ReportTable table;
        /** The table's rows before the first file; -1 until the table exists in this session. */
        private long before = -1;
        private long rows;
        private long changed;

        public Session(ArchiveDatabase db, ReportTable table) {
            this.db = db;
            this.table = table;
        }

        /** Streams one file (a header line, then rows) into the table; a file without a header adds nothing. */
        public void load(Path csv) throws KalturaReportException {
            load(csv, csv.getFileName().toString());
        }

        /** The same, naming the file in messages as {@code shownAs} (a window's temp file as its report's file). */
        public void load(Path csv, String shownAs) throws KalturaReportException {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
                    CsvReader reader = new CsvReader(in)) {
                CsvRow header = reader.next();
                if (header == null) {
                    return;
                }
                List<String> columns = columns(header.values());
                ensureTable(columns);
                ColumnType[] types = new ColumnType[columns.size()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = table.columnType(columns.get(i));
                }
                MessageDigest digest = table.hashed() ? sha256() : null;
                long[] done = db.dialect() == Dialect.SQLITE
                        ? loadPrepared(db, table, columns, types, reader, digest)
                        : loadBatches(db, table, columns, types, reader, digest);
                rows += done[0];
                changed += done[1];
            } catch (SQLException e) {
                throw failed(shownAs, e);
            } catch (IOException e) {
                throw new KalturaReportException("Cannot read " + shownAs + " to load it into the archive: "
                        + e.getMessage() + ". Nothing of this run was saved in the archive.", e);
            }
        }

        /**
         * Makes sure the table exists with the columns of a saved header, for a report none of whose files had
         * one (no rows came); nothing for an empty header.
         */
        public void ensure(List<String> savedHeader) throws KalturaReportException {
            if (savedHeader.isEmpty()) {
                return;
            }
            try {
                ensureTable(columns(savedHeader));
            } catch (SQLException e) {
                throw db.failed("Cannot create table " + table.name() + " in the archive", e);
            }
        }

        /** What the session's files did to the table. */
        public Counts counts() throws KalturaReportException {
            if (before < 0) {
                return new Counts(0, 0, 0);
            }
            try {
                long inserted = count(db, table) - before;
                long updated = Math.max(0, changed - inserted);
                return new Counts(inserted, updated, rows - inserted - updated);
            } catch (SQLException e) {
                throw db.failed("Cannot count the rows of table " + table.name() + " in the archive", e);
            }
        }

        private List<String> columns(List<String> savedHeader) {
            List<String> columns = new ArrayList<>();
            for (String h : savedHeader) {
                columns.add(serverName(table, h));
            }
            return columns;
        }

        private void ensureTable(List<String> columns) throws SQLException {
            table.ensure(db, columns);
            if (before < 0) {
                before = count(db, table);
            }
        }

        private KalturaReportException failed(String shownAs, SQLException e) {
            // PostgreSQL's batch failure quotes the whole statement with the row's values (personal data): the
            // server's own error, next to it, says what went wrong without them.
            SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null
                    ? e.getNextException() : e;
            return db.failed("Cannot load " + shownAs + " into table " + table.name() + " of the archive",
                    cause);
        }
    }

    /**
     * PostgreSQL: one prepared upsert, its rows sent in JDBC batches of {@value #BATCH}. Returns the rows read and
     * the rows changed.
     */
    private static long[] loadBatches(ArchiveDatabase db, ReportTable table, List<String> columns, ColumnType[] types,
            CsvReader reader, MessageDigest digest) throws SQLException, IOException {
        int width = types.length + (digest != null ? 1 : 0);
        int[] sqlTypes = sqlTypes(types, digest != null);
        long rows = 0;
        long changed = 0;
        try (PreparedStatement upsert = db.connection().prepareStatement(table.upsert(columns));
                RowChunks chunks = new RowChunks(reader, width, BATCH, converter(types, digest))) {
            RowChunks.Chunk chunk;
            while ((chunk = chunks.next()) != null) {
                for (int r = 0; r < chunk.rows(); r++) {
                    bind(upsert, chunk.values(), r * width, width, sqlTypes, 1);
                    upsert.addBatch();
                }
                changed += sum(upsert.executeBatch());
                rows += chunk.rows();
            }
        }
        return new long[] {rows, changed};
    }

    /**
     * SQLite: {@value #ROWS_PER_STATEMENT} rows to one prepared multi-row upsert ({@code VALUES (?, …), (?, …), …}).
     * SQLite's driver crosses into native code for every statement it runs, so one statement per row made a
     * million-row load several times slower than its download; the literal SQL that replaced it cost SQLite a parse
     * of every value. Bound values are never read as SQL, whatever they hold. Returns the rows read and changed.
     */
    private static long[] loadPrepared(ArchiveDatabase db, ReportTable table, List<String> columns,
            ColumnType[] types, CsvReader reader, MessageDigest digest) throws SQLException, IOException {
        int width = types.length + (digest != null ? 1 : 0);
        int[] sqlTypes = sqlTypes(types, digest != null);
        int perStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT, MAX_PARAMETERS / width));
        String head = table.insertHead(columns);
        String tail = table.onConflict(columns);
        long rows = 0;
        long changed = 0;
        try (PreparedStatement full = db.connection().prepareStatement(multiRow(head, tail, width, perStatement));
                RowChunks chunks = new RowChunks(reader, width, perStatement, converter(types, digest))) {
            RowChunks.Chunk chunk;
            while ((chunk = chunks.next()) != null) {
                if (chunk.rows() == perStatement) {
                    changed += execute(full, chunk, width, sqlTypes);
                } else {
                    try (PreparedStatement rest = db.connection().prepareStatement(
                            multiRow(head, tail, width, chunk.rows()))) {
                        changed += execute(rest, chunk, width, sqlTypes);
                    }
                }
                rows += chunk.rows();
            }
        }
        return new long[] {rows, changed};
    }

    /** How a row becomes its values: the row key first for a hashed table, then each column as its type wants. */
    private static RowChunks.RowConverter converter(ColumnType[] types, MessageDigest digest) {
        return (row, values, offset) -> {
            int p = offset;
            if (digest != null) {
                values[p++] = rowKey(row, types.length, digest);
            }
            for (int i = 0; i < types.length; i++) {
                values[p++] = value(types[i], row, i);
            }
        };
    }

    private static int[] sqlTypes(ColumnType[] types, boolean hashed) {
        int[] sql = new int[types.length + (hashed ? 1 : 0)];
        int p = 0;
        if (hashed) {
            sql[p++] = Types.VARCHAR;
        }
        for (ColumnType t : types) {
            sql[p++] = switch (t) {
                case TIMESTAMP, COUNT -> Types.BIGINT;
                case RATIO, AMOUNT -> Types.DOUBLE;
                default -> Types.VARCHAR;
            };
        }
        return sql;
    }

    /** Rows per SQLite statement: past a few hundred the statement's size gains nothing. */
    static final int ROWS_PER_STATEMENT = 256;
    /** SQLite's limit on a statement's parameters (SQLITE_MAX_VARIABLE_NUMBER, 32,766 since SQLite 3.32). */
    private static final int MAX_PARAMETERS = 32_766;

    private static String multiRow(String head, String tail, int width, int rows) {
        String one = "(" + "?,".repeat(width - 1) + "?)";
        StringBuilder sql = new StringBuilder(head.length() + tail.length() + rows * (one.length() + 1));
        sql.append(head);
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ",").append(one);
        }
        return sql.append(tail).toString();
    }

    private static int execute(PreparedStatement s, RowChunks.Chunk chunk, int width, int[] sqlTypes)
            throws SQLException {
        for (int r = 0; r < chunk.rows(); r++) {
            bind(s, chunk.values(), r * width, width, sqlTypes, r * width + 1);
        }
        return s.executeUpdate();
    }

    /** Binds one row's values, from {@code values[offset]}, to the parameters from {@code first}. */
    private static void bind(PreparedStatement s, Object[] values, int offset, int width, int[] sqlTypes, int first)
            throws SQLException {
        for (int k = 0; k < width; k++) {
            Object v = values[offset + k];
            int p = first + k;
            if (v instanceof String text) {
                s.setString(p, text);
            } else if (v instanceof Long whole) {
                s.setLong(p, whole);
            } else if (v instanceof Double decimal) {
                s.setDouble(p, decimal);
            } else {
                s.setNull(p, sqlTypes[k]);
            }
        }
    }

    /** A value as its SQL type wants it: a Long, a Double, a String, or null (empty, or not a number). */
    private static Object value(ColumnType type, CsvRow row, int i) {
        if (i >= row.size()) {
            return null;
        }
        switch (type) {
            case TIMESTAMP, COUNT -> {
                long v = row.wholeNumber(i, Long.MIN_VALUE);
                return v != Long.MIN_VALUE ? Long.valueOf(v)
                        : type == ColumnType.TIMESTAMP ? isoSeconds(row.get(i)) : null;
            }
            case RATIO, AMOUNT -> {
                double v = row.decimal(i);
                return Double.isNaN(v) ? null : Double.valueOf(v);
            }
            default -> {
                return row.get(i);
            }
        }
    }

    /** The server's name of a saved header: itself, or the column whose descriptive name it is. */
    private static String serverName(ReportTable table, String saved) {
        if (table.report().column(saved).isPresent()) {
            return saved;
        }
        for (ColumnDefinition c : table.report().columns()) {
            if (c.descriptiveName().equals(saved)) {
                return c.name();
            }
        }
        return saved;
    }

    /** A descriptive file's time (ISO-8601 with its offset) as Unix seconds; null when it is not one. */
    private static Long isoSeconds(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The SHA-256 of the row's values, each preceded by its length so that no two rows share one. */
    private static String rowKey(CsvRow row, int columns, MessageDigest digest) {
        for (int i = 0; i < columns; i++) {
            byte[] v = (i < row.size() ? row.get(i) : "").getBytes(StandardCharsets.UTF_8);
            digest.update((v.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(v);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static long sum(int[] counts) {
        long n = 0;
        for (int c : counts) {
            n += c == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, c);
        }
        return n;
    }

    private static long count(ArchiveDatabase db, ReportTable table) throws SQLException {
        try (Statement s = db.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + Dialect.quote(table.name()))) {
            r.next();
            return r.getLong(1);
        }
    }
}
