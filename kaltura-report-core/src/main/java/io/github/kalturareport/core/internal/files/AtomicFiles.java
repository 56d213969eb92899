package io.github.kalturareport.core.internal.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** A file appears only when complete: written under a temp name in the same directory, then moved into place. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** A new temp file in the target's directory, hidden, named after the target. */
    public static Path tempFor(Path target) throws IOException {
        return Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
    }

    /** Moves a complete temp file over the target in one step (replacing an older one). */
    public static void commit(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a file's text. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes UTF-8 text through the callback into a temp file, then commits it over the target. The file is
     * readable by all (rw-r--r-- where POSIX permissions exist), as a report for people should be, while a temp
     * file starts private. On any failure the temp file is deleted and the error rethrown.
     */
    public static void writeText(Path target, TextContent content) throws IOException {
        Path temp = null;
        try {
            temp = tempFor(target);
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            commit(temp, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Deletes a temp file, quietly: used on failure paths, where the first error is the one to report. */
    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover hidden temp file is harmless; the original error matters more
        }
    }
}
