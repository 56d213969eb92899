package io.github.kalturareport.core.internal.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
