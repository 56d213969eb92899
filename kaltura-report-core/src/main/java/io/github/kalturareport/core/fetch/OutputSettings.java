package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.archive.ArchiveLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the reports are saved.
 *
 * @param directory          where the CSVs and {@code manifest.json} go; created if missing, must not be a file
 * @param descriptiveHeaders friendly column names and ISO-8601 times instead of the server's names and Unix seconds
 * @param lenient            keep rows that fail validation and report the problems as warnings instead of failing
 * @param archive            the database the run's reports are also loaded into (docs/archive.md), or null for none
 * @param lookback           with an archive and no range given, how far before the watermark a run starts (so a
 *                           session still running last time is fetched again); null means {@link #DEFAULT_LOOKBACK}
 */
public record OutputSettings(Path directory, boolean descriptiveHeaders, boolean lenient, ArchiveLocation archive,
        Duration lookback) {

    /** One day: a session is over within a day of its start. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(1);

    /** Without an archive. */
    public OutputSettings(Path directory, boolean descriptiveHeaders, boolean lenient) {
        this(directory, descriptiveHeaders, lenient, null, null);
    }

    /** Into this directory, with the server's headers, strict. */
    public static OutputSettings to(Path directory) {
        return new OutputSettings(directory, false, false);
    }

    public OutputSettings withDescriptiveHeaders(boolean value) {
        return new OutputSettings(directory, value, lenient, archive, lookback);
    }

    public OutputSettings withLenient(boolean value) {
        return new OutputSettings(directory, descriptiveHeaders, value, archive, lookback);
    }

    /** Also loads the reports into this archive (null: none), starting {@code lookback} before its watermark. */
    public OutputSettings withArchive(ArchiveLocation value, Duration lookbackOrNull) {
        return new OutputSettings(directory, descriptiveHeaders, lenient, value, lookbackOrNull);
    }

    /** Checked, with the directory made absolute. */
    OutputSettings validated() throws ConfigurationException {
        if (directory == null) {
            throw new ConfigurationException("outputDirectory", "No outputDirectory: set the directory the "
                    + "reports are written to.");
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ConfigurationException("outputDirectory", "outputDirectory " + directory
                    + " is a file, not a directory: point it at a directory.");
        }
        Duration back = lookback == null ? DEFAULT_LOOKBACK : lookback;
        if (back.isNegative()) {
            throw new ConfigurationException("lookback", "Bad lookback " + back + ": it is how far before the "
                    + "archive's watermark a run starts, so it cannot be negative; e.g. P1D.");
        }
        return new OutputSettings(directory.toAbsolutePath().normalize(), descriptiveHeaders, lenient, archive, back);
    }

    @Override
    public String toString() {
        return "OutputSettings[directory=" + directory + ", descriptiveHeaders=" + descriptiveHeaders + ", lenient="
                + lenient + (archive == null ? "" : ", archive=" + archive.describe() + ", lookback=" + lookback)
                + "]";
    }
}
