package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where and how the reports are saved.
 *
 * @param directory          where the CSVs and {@code manifest.json} go; created if missing, must not be a file
 * @param descriptiveHeaders friendly column names and ISO-8601 times instead of the server's names and Unix seconds
 * @param lenient            keep rows that fail validation and report the problems as warnings instead of failing
 */
public record OutputSettings(Path directory, boolean descriptiveHeaders, boolean lenient) {

    /** Into this directory, with the server's headers, strict. */
    public static OutputSettings to(Path directory) {
        return new OutputSettings(directory, false, false);
    }

    public OutputSettings withDescriptiveHeaders(boolean value) {
        return new OutputSettings(directory, value, lenient);
    }

    public OutputSettings withLenient(boolean value) {
        return new OutputSettings(directory, descriptiveHeaders, value);
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
        return new OutputSettings(directory.toAbsolutePath().normalize(), descriptiveHeaders, lenient);
    }
}
