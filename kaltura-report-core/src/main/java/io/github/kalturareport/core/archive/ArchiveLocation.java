package io.github.kalturareport.core.archive;

import io.github.kalturareport.core.ConfigurationException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The archive (docs/archive.md): a SQLite file ({@code jdbc:sqlite:FILE}, or a plain path) or a PostgreSQL database
 * ({@code jdbc:postgresql://HOST[:PORT]/DB}), with the user and password for PostgreSQL. The password is a secret: it
 * is never in {@link #toString()}, a message or a file, and a URL that carries one is refused.
 */
public final class ArchiveLocation {

    /** The setting's name in messages. */
    public static final String PARAMETER = "archive";

    /** The database behind the archive. */
    public enum Kind { SQLITE, POSTGRESQL }

    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql:";
    /** A password in a URL: {@code password=} in its query, or {@code user:secret@} before the host. */
    private static final Pattern PASSWORD_IN_QUERY = Pattern.compile("(?i)[?&;]password=");
    private static final Pattern USER_INFO = Pattern.compile("^//[^/@]*:[^/@]*@");
    /** Misspellings users make of the two schemes, to the one meant. */
    private static final String[][] NEAR_MISSES = {
        {"jdbc:postgres:", POSTGRESQL}, {"jdbc:pgsql:", POSTGRESQL}, {"jdbc:pg:", POSTGRESQL},
        {"jdbc:postgre:", POSTGRESQL}, {"jdbc:postgressql:", POSTGRESQL}, {"jdbc:sqlite3:", SQLITE},
        {"jdbc:sqllite:", SQLITE}, {"jdbc:sqlit:", SQLITE}, {"postgresql:", POSTGRESQL}, {"postgres:", POSTGRESQL},
        {"sqlite:", SQLITE},
    };

    private final Kind kind;
    private final String url;
    private final String user;
    private final char[] password;

    private ArchiveLocation(Kind kind, String url, String user, char[] password) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * The archive a user wrote: a JDBC URL ({@code jdbc:sqlite:…}, {@code jdbc:postgresql://…}) or a path, which
     * means a SQLite file; a relative path (also after {@code jdbc:sqlite:}) is resolved against {@code base}.
     *
     * @param base the directory relative paths start from (a project's base directory); null: the working directory
     * @throws ConfigurationException for another JDBC scheme, a misspelt one, a password in the URL or no value
     */
    public static ArchiveLocation parse(String text, Path base) throws ConfigurationException {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            throw new ConfigurationException(PARAMETER, "The archive is empty: give a SQLite file such as "
                    + "archive.db, or a JDBC URL such as jdbc:postgresql://db.example.edu/kaltura.");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SQLITE)) {
            String file = value.substring(SQLITE.length());
            if (file.isBlank() || file.startsWith(":memory:") || file.startsWith("file::memory:")) {
                throw new ConfigurationException(PARAMETER, "Bad archive '" + value + "': give a SQLite file, "
                        + "e.g. jdbc:sqlite:archive.db (an in-memory database would be lost at the end of the run).");
            }
            return sqliteFile(file, base);
        }
        if (lower.startsWith(POSTGRESQL)) {
            return postgresql(value);
        }
        for (String[] miss : NEAR_MISSES) {
            if (lower.startsWith(miss[0])) {
                throw new ConfigurationException(PARAMETER, "Bad archive '" + redact(value) + "': unknown scheme "
                        + value.substring(0, miss[0].length()) + " — did you mean " + miss[1] + "? The archive is a "
                        + "jdbc:sqlite: or jdbc:postgresql: URL, or a plain path to a SQLite file.");
            }
        }
        if (lower.startsWith("jdbc:")) {
            int end = value.indexOf(':', 5);
            String scheme = end < 0 ? value : value.substring(0, end + 1);
            throw new ConfigurationException(PARAMETER, "Bad archive '" + redact(value) + "': " + scheme
                    + " is not supported. The archive is a SQLite file (jdbc:sqlite:FILE or a plain path) or a "
                    + "PostgreSQL database (jdbc:postgresql://HOST[:PORT]/DATABASE).");
        }
        if (lower.matches("^[a-z][a-z0-9+.-]+://.*")) {
            throw new ConfigurationException(PARAMETER, "Bad archive '" + redact(value) + "': a URL that is not a "
                    + "JDBC URL. Use jdbc:postgresql://HOST[:PORT]/DATABASE for PostgreSQL, or a path to a SQLite "
                    + "file.");
        }
        return sqliteFile(value, base);
    }

    private static ArchiveLocation sqliteFile(String file, Path base) throws ConfigurationException {
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigurationException(PARAMETER, "Bad archive '" + file + "': not a valid file path ("
                    + e.getReason() + ").");
        }
        if (!path.isAbsolute()) {
            path = (base == null ? Path.of("") : base).resolve(path);
        }
        path = path.toAbsolutePath().normalize();
        return new ArchiveLocation(Kind.SQLITE, SQLITE + path, null, null);
    }

    private static ArchiveLocation postgresql(String value) throws ConfigurationException {
        String rest = value.substring(POSTGRESQL.length());
        if (PASSWORD_IN_QUERY.matcher(rest).find() || USER_INFO.matcher(rest).find()) {
            throw new ConfigurationException(PARAMETER, "The archive URL " + redact(value) + " carries a password:"
                    + " a password never goes in the URL, where logs and build files would show it. Remove it from "
                    + "the URL and give the database user and password as the archive credentials.");
        }
        if (!rest.startsWith("//") || rest.length() <= 2 || rest.indexOf('/', 2) < 0
                || rest.indexOf('/', 2) == rest.length() - 1) {
            throw new ConfigurationException(PARAMETER, "Bad archive '" + redact(value) + "': a PostgreSQL archive"
                    + " is jdbc:postgresql://HOST[:PORT]/DATABASE, e.g. jdbc:postgresql://db.example.edu:5432/kaltura.");
        }
        return new ArchiveLocation(Kind.POSTGRESQL, POSTGRESQL + rest, null, null);
    }

    /** The URL with any password replaced by {@code ***}, for messages about a URL that had one. */
    static String redact(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***")
                .replaceAll("(//[^/@:]*):[^/@]*@", "$1:***@");
    }

    /**
     * This archive with a database user and password (PostgreSQL; a SQLite file ignores them). The password is
     * copied; null or empty values mean none.
     */
    public ArchiveLocation withCredentials(String userName, char[] secret) {
        String u = userName == null || userName.isBlank() ? null : userName;
        char[] p = secret == null || secret.length == 0 ? null : secret.clone();
        return new ArchiveLocation(kind, url, u, p);
    }

    public Kind kind() {
        return kind;
    }

    /** The JDBC URL, without credentials; a SQLite file's path is absolute. */
    public String url() {
        return url;
    }

    /** The database user, or null. */
    public String user() {
        return user;
    }

    /** A copy of the password, or null; for the connection only. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    /** Whether a password was given (never the password itself). */
    public boolean hasPassword() {
        return password != null;
    }

    /** Where the archive is, for messages and the manifest: the URL and the user, never the password. */
    public String describe() {
        return url + (user == null ? "" : " (user " + user + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchiveLocation other && other.url.equals(url) && Objects.equals(other.user, user)
                && Arrays.equals(other.password, password);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    @Override
    public String toString() {
        return "ArchiveLocation[" + describe() + (password == null ? "" : ", password hidden") + "]";
    }
}
