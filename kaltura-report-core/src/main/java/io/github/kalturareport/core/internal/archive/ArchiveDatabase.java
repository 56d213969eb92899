package io.github.kalturareport.core.internal.archive;

import io.github.kalturareport.core.KalturaReportException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;

/**
 * One connection to the archive, holding one transaction that owns the archive until it commits or rolls back:
 * SQLite takes its write lock at once ({@code BEGIN IMMEDIATE}, waiting up to {@link #LOCK_WAIT} for another run),
 * PostgreSQL an advisory transaction lock. So two runs on one archive are serialised, and whatever fails before
 * {@link #commit()} (an error, a kill, a lost connection) leaves the archive as it was. The schema is brought up to
 * date inside the same transaction.
 */
public final class ArchiveDatabase implements AutoCloseable {

    /** How long a run waits for another run on the same archive before it gives up, saying so. */
    public static final Duration LOCK_WAIT = Duration.ofMinutes(10);
    /** The key of PostgreSQL's advisory lock: "KALT" in ASCII, the same for every run of every version. */
    private static final long ADVISORY_KEY = 0x4b414c54L;

    private final Connection connection;
    private final Dialect dialect;
    private final String where;
    private boolean committed;

    private ArchiveDatabase(Connection connection, Dialect dialect, String where) {
        this.connection = connection;
        this.dialect = dialect;
        this.where = where;
    }

    /**
     * Connects, takes the archive's lock and brings its schema up to date.
     *
     * @param url      a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL without credentials
     * @param where    the archive as messages show it (the URL and user, never a password)
     * @param password copied into the driver's properties only, then cleared (pass a copy); may be null
     */
    public static ArchiveDatabase open(String url, String user, char[] password, String where)
            throws KalturaReportException {
        String secret = password == null ? null : new String(password);
        if (password != null) {
            Arrays.fill(password, '\0'); // the caller's copy lives no longer than this call
        }
        Dialect dialect = Dialect.of(url);
        Properties properties = new Properties();
        if (dialect == Dialect.SQLITE) {
            properties.setProperty("busy_timeout", Long.toString(LOCK_WAIT.toMillis()));
            properties.setProperty("transaction_mode", "IMMEDIATE");
            properties.setProperty("foreign_keys", "true");
        } else {
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (secret != null) {
                properties.setProperty("password", secret);
            }
            properties.setProperty("ApplicationName", "kaltura-report");
            // The server's "Detail:" quotes a failing row's values (personal data); messages carry the error only.
            properties.setProperty("logServerErrorDetail", "false");
        }
        Connection c;
        try {
            c = DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw failure("Cannot open the archive " + where, e, dialect == Dialect.POSTGRESQL
                    ? "Check the host, port, database, user and password, and that the server is running."
                    : "Check that the directory exists and is writable.");
        }
        ArchiveDatabase db = new ArchiveDatabase(c, dialect, where);
        try {
            c.setAutoCommit(false);
            db.lock();
            Schema.migrate(db);
            return db;
        } catch (SQLException e) {
            db.close();
            throw db.failed("Cannot prepare the archive", e);
        } catch (KalturaReportException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private void lock() throws SQLException, KalturaReportException {
        try (Statement s = connection.createStatement()) {
            if (dialect == Dialect.SQLITE) {
                // The IMMEDIATE transaction takes the write lock with its first statement; this one makes it now.
                s.executeUpdate("CREATE TABLE IF NOT EXISTS " + Schema.VERSION_TABLE
                        + " (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
            } else {
                s.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
                try (ResultSet r = s.executeQuery("SELECT pg_advisory_xact_lock(" + ADVISORY_KEY + ")")) {
                    r.next();
                }
            }
        } catch (SQLException e) {
            if (isBusy(e)) {
                throw new KalturaReportException("The archive " + where + " is in use by another run, which has held"
                        + " it for more than " + LOCK_WAIT.toMinutes() + " minutes; nothing was changed. Let that"
                        + " run finish, or stop it, then run again.");
            }
            throw e;
        }
    }

    private boolean isBusy(SQLException e) {
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage());
        return "55P03".equals(state) || message.contains("SQLITE_BUSY") || message.contains("database is locked");
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The archive as messages show it. */
    public String where() {
        return where;
    }

    /** Makes every change of this run durable at once, and releases the archive. */
    public void commit() throws KalturaReportException {
        try {
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw failed("Cannot commit to the archive", e);
        }
    }

    /** A failure of this archive, as a message saying what, where and what to do; the run's changes are undone. */
    public KalturaReportException failed(String what, SQLException e) {
        return failure(what + " " + where, e, "Nothing of this run was saved in the archive.");
    }

    private static KalturaReportException failure(String what, SQLException e, String fix) {
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim();
        return new KalturaReportException(what + ": " + cause + ". " + fix, e);
    }

    /** Rolls back what was not committed, and closes the connection. */
    @Override
    public void close() {
        try {
            if (!committed) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is going away: the database undoes an open transaction itself.
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing left to undo.
        }
    }
}
