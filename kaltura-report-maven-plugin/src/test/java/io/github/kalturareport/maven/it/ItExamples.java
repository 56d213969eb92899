package io.github.kalturareport.maven.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Runs the repository's {@code examples/} in Invoker ITs, so the documented POMs and commands cannot rot: an IT's
 * {@code prebuild.groovy} puts the example's {@code pom.xml} in place of the IT's placeholder before Maven starts.
 */
public final class ItExamples {

    private ItExamples() {
    }

    /** The repository's root: the first parent of {@code basedir} that holds {@code examples/} and {@code mvnw}. */
    public static File repositoryRoot(File basedir) {
        for (File dir = basedir.getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            if (new File(dir, "examples").isDirectory() && new File(dir, "mvnw").isFile()) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root with examples/ above " + basedir);
    }

    /** Copies {@code examples/<name>/pom.xml} over the IT's {@code pom.xml}. */
    public static void useExample(File basedir, String name) throws IOException {
        Path example = new File(repositoryRoot(basedir), "examples/" + name + "/pom.xml").toPath();
        Files.copy(example, basedir.toPath().resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
    }
}
