package io.github.kalturareport.maven.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops one Kaltura API simulator per Invoker IT, called from the IT's {@code prebuild.groovy} and
 * {@code verify.groovy} (the plugin's test classes are on the hook scripts' class path).
 *
 * <p>The simulator runs in a child JVM on a free port ({@code --port 0 --port-file}); its options come from the
 * IT's {@code simulator.args} (one per line). The base URL reaches the IT's build as {@code -Dkaltura.serviceUrl}
 * in its {@code .mvn/maven.config}. Stopping is guaranteed three ways: {@link #stop} from the post-build hook,
 * a shutdown hook of the invoking JVM, and {@link ParentWatchdog} in the child for when the invoking JVM is killed.
 * The pid is kept in a file, so stopping works even when hook scripts run in different class loaders.
 */
public final class ItSimulator {

    private static final Map<Path, Process> RUNNING = new ConcurrentHashMap<>();
    private static final String SIMULATOR_MAIN = "io.github.kalturareport.simulator.SimulatorMain";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.values().forEach(ItSimulator::kill),
                "stop-it-simulators"));
    }

    private ItSimulator() {
    }

    /** The directory of the IT's simulator files: port, pid, console log, request log. Outside {@code target}. */
    public static File dir(File basedir) {
        return new File(basedir, ".simulator");
    }

    /** The request log (JSON lines, one per request the simulator received). */
    public static File requestLog(File basedir) {
        return new File(dir(basedir), "requests.jsonl");
    }

    /**
     * Starts the simulator for the IT in {@code basedir} and returns its base URL.
     *
     * @param simulatorJar the simulator's executable jar
     */
    public static String start(File basedir, File simulatorJar) throws IOException, InterruptedException {
        Path dir = dir(basedir).toPath();
        stop(basedir);
        Files.createDirectories(dir);
        Path portFile = dir.resolve("port");
        Files.deleteIfExists(portFile);
        Files.deleteIfExists(requestLog(basedir).toPath());
        Files.createFile(requestLog(basedir).toPath());
        if (!simulatorJar.isFile()) {
            throw new IllegalStateException("The simulator jar " + simulatorJar + " is missing: build the"
                    + " kaltura-report-simulator module first (./mvnw verify from the root builds it).");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-cp",
                simulatorJar.getAbsolutePath() + File.pathSeparator + ownLocation(), ParentWatchdog.class.getName(),
                SIMULATOR_MAIN, "--host", "127.0.0.1", "--port", "0", "--port-file", portFile.toString(),
                "--request-log", requestLog(basedir).getAbsolutePath()));
        command.addAll(extraArguments(basedir.toPath().resolve("simulator.args")));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile())
                .start();
        RUNNING.put(dir, process);
        Files.writeString(dir.resolve("pid"), Long.toString(process.pid()), StandardCharsets.US_ASCII);
        String url = "http://127.0.0.1:" + awaitPort(process, portFile, dir.resolve("console.log"));
        Files.writeString(dir.resolve("url"), url, StandardCharsets.US_ASCII);
        passToBuild(basedir.toPath(), "-Dkaltura.serviceUrl=" + url);
        return url;
    }

    /** Stops the IT's simulator if it runs; safe to call twice. */
    public static void stop(File basedir) throws IOException {
        Path dir = dir(basedir).toPath();
        Process process = RUNNING.remove(dir);
        if (process != null) {
            kill(process);
        }
        Path pidFile = dir.resolve("pid");
        if (Files.isRegularFile(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            ProcessHandle.of(pid).ifPresent(ItSimulator::kill);
            Files.delete(pidFile);
        }
    }

    /**
     * The first {@code count} distinct room entry ids of the running simulator's data set, read through its API
     * ({@code session.start} with the default secret, then report 6000 over all time), for ITs that filter by course.
     */
    public static List<String> entryIds(File basedir, int count) throws IOException, InterruptedException {
        String url = Files.readString(dir(basedir).toPath().resolve("url"), StandardCharsets.US_ASCII).trim();
        HttpClient http = HttpClient.newHttpClient();
        String ks = post(http, url + "/api_v3/service/session/action/start",
                "secret=simulator-secret&partnerId=1000&type=2&format=1").trim();
        ks = ks.startsWith("\"") ? ks.substring(1, ks.length() - 1) : ks;
        String csv = post(http, url + "/api_v3/service/report/action/getCsvFromStringParams", "ks="
                + URLEncoder.encode(ks, StandardCharsets.UTF_8) + "&id=6000&params="
                + URLEncoder.encode("from_date=0;to_date=4102444800", StandardCharsets.UTF_8));
        Set<String> ids = new LinkedHashSet<>();
        String[] lines = csv.replace("\uFEFF", "").split("\n");
        for (int i = 1; i < lines.length && ids.size() < count; i++) {
            if (!lines[i].isBlank()) {
                ids.add(lines[i].split(",", 2)[0].replace("\"", "").trim());
            }
        }
        if (ids.size() < count) {
            throw new IllegalStateException("The simulator has fewer than " + count + " rooms: " + ids);
        }
        return new ArrayList<>(ids);
    }

    /** The body of one call of a report (BOM included) from the running simulator, with the default secret. */
    public static byte[] report(File basedir, int id, String params) throws IOException, InterruptedException {
        String url = Files.readString(dir(basedir).toPath().resolve("url"), StandardCharsets.US_ASCII).trim();
        HttpClient http = HttpClient.newHttpClient();
        String ks = post(http, url + "/api_v3/service/session/action/start",
                "secret=simulator-secret&partnerId=1000&type=2&format=1").trim();
        ks = ks.startsWith("\"") ? ks.substring(1, ks.length() - 1) : ks;
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url
                + "/api_v3/service/report/action/getCsvFromStringParams"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ks=" + URLEncoder.encode(ks, StandardCharsets.UTF_8)
                        + "&id=" + id + "&params=" + URLEncoder.encode(params, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length == 0) {
            throw new IllegalStateException("report " + id + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String post(HttpClient http, String url, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200 || response.body().isEmpty()) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + " "
                    + response.headers().map());
        }
        return response.body();
    }

    /** Adds a line to the IT's {@code .mvn/maven.config}, read by Maven at the start of the IT's build. */
    public static void passToBuild(Path basedir, String argument) throws IOException {
        Path config = basedir.resolve(".mvn/maven.config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, argument + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static int awaitPort(Process process, Path portFile, Path console) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(portFile)) {
                String text = Files.readString(portFile, StandardCharsets.US_ASCII).trim();
                if (!text.isEmpty()) {
                    return Integer.parseInt(text);
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The simulator exited with " + process.exitValue() + " before"
                        + " listening:\n" + Files.readString(console, StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
        kill(process);
        throw new IllegalStateException("The simulator did not write its port within 60 s:\n"
                + Files.readString(console, StandardCharsets.UTF_8));
    }

    private static List<String> extraArguments(Path file) throws IOException {
        List<String> arguments = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String argument = line.trim();
                if (!argument.isEmpty() && !argument.startsWith("#")) {
                    arguments.add(argument);
                }
            }
        }
        return arguments;
    }

    private static void kill(Process process) {
        kill(process.toHandle());
    }

    private static void kill(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception notInTime) {
            handle.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String ownLocation() {
        try {
            return new File(ParentWatchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getAbsolutePath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
