package io.github.kalturareport.core.internal.window;

import java.nio.file.Path;
import java.util.List;

/**
 * A report's file, complete in a temp file next to its final place, waiting for the whole run to succeed.
 *
 * @param temp     the complete file under a temporary name
 * @param target   where it goes
 * @param rows     data rows
 * @param sha256   hex SHA-256 of the file's bytes
 * @param columns  the header as saved
 * @param warnings extra columns, lenient-mode problems
 */
public record AssembledReport(Path temp, Path target, long rows, String sha256, List<String> columns,
        List<String> warnings) {
}
