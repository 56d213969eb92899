package io.github.kalturareport.core.internal.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code manifest.json} atomically (temp file, then move), after the CSVs it describes. The manifest is built
 * by the caller as plain maps and lists so that its schema reads in one place (docs/fetching.md).
 */
public final class ManifestWriter {

    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestWriter() {
    }

    public static Path write(Path directory, Map<String, Object> manifest) throws IOException {
        Path target = directory.resolve(FILE_NAME);
        Path temp = AtomicFiles.tempFor(target);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                JSON.writeValue(out, manifest);
            }
            AtomicFiles.commit(temp, target);
            return target;
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteQuietly(temp);
            throw e;
        }
    }
}
