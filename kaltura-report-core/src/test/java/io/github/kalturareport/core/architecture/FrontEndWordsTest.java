package io.github.kalturareport.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core speaks its own vocabulary: a front end passes its words in ({@code io.github.kalturareport.core.Vocabulary})
 * so no core source names the Maven plugin's goals, properties or settings file.
 */
class FrontEndWordsTest {

    private static final List<String> MAVEN_WORDS = List.of("-Dkaltura", "kaltura-report:fetch",
            "kaltura-report:check", "settings.xml");

    @Test
    void noCoreSourceSaysAMavenWord() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    for (String word : MAVEN_WORDS) {
                        if (lines.get(i).contains(word)) {
                            found.add(sources.relativize(file) + ":" + (i + 1) + " says " + word);
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
