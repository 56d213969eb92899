package io.github.kalturareport.maven.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Assertions the ITs' {@code verify.groovy} scripts share: on the build log, the files, and the simulator's request log. */
public final class ItChecks {

    /** Base64 of {@code v2|1000|}: the start of every v2 KS for the simulator's default partner. */
    public static final String KS_V2_PREFIX = "djJ8MTAwMH";

    private ItChecks() {
    }

    public static String buildLog(File basedir) {
        return read(new File(basedir, "build.log").toPath());
    }

    /** Fails unless {@code text} contains every one of {@code expected}. */
    public static void contains(String text, String... expected) {
        for (String e : expected) {
            if (!text.contains(e)) {
                throw new AssertionError("Expected to find '" + e + "' in:\n" + tail(text));
            }
        }
    }

    /** Fails if {@code text} contains any of {@code unexpected}. */
    public static void lacks(String text, String... unexpected) {
        for (String u : unexpected) {
            if (text.contains(u)) {
                throw new AssertionError("Did not expect '" + u + "' in:\n" + tail(text));
            }
        }
    }

    public static void exists(File file) {
        if (!file.isFile() || file.length() == 0) {
            throw new AssertionError("Expected a non-empty file " + file);
        }
    }

    public static void absent(File file) {
        if (file.exists()) {
            throw new AssertionError("Expected no " + file);
        }
    }

    /** The files in {@code dir} (not recursive), by name; empty when the directory does not exist. */
    public static List<String> fileNames(File dir) {
        String[] names = dir.list();
        List<String> list = new ArrayList<>();
        if (names != null) {
            for (String name : names) {
                list.add(name);
            }
        }
        list.sort(null);
        return list;
    }

    /** The data rows of a CSV file (its lines minus the header). */
    public static long dataRows(File csv) {
        try (Stream<String> lines = Files.lines(csv.toPath(), StandardCharsets.UTF_8)) {
            return lines.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails if the build log, or any file under a {@code target} directory of the IT, holds one of the secrets or
     * anything that looks like a KS.
     */
    public static void noSecrets(File basedir, String... secrets) {
        List<Path> files = new ArrayList<>();
        files.add(new File(basedir, "build.log").toPath());
        try (Stream<Path> walk = Files.walk(basedir.toPath())) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> basedir.toPath().relativize(p).toString().replace('\\', '/').matches("(.*/)?target/.*"))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String text = read(file);
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    throw new AssertionError("The secret leaked into " + file);
                }
            }
            if (text.contains(KS_V2_PREFIX)) {
                throw new AssertionError("A KS leaked into " + file);
            }
        }
    }

    /** The simulator's request log: one JSON line per request it received. */
    public static List<String> requests(File basedir) {
        File log = ItSimulator.requestLog(basedir);
        if (!log.isFile()) {
            throw new AssertionError("The simulator wrote no request log at " + log);
        }
        try (Stream<String> lines = Files.lines(log.toPath(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless the simulator received no request at all. */
    public static void noRequests(File basedir) {
        List<String> requests = requests(basedir);
        if (!requests.isEmpty()) {
            throw new AssertionError("Expected no request to the simulator, got " + requests.size() + ":\n"
                    + String.join("\n", requests));
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }
}
