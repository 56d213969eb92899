package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar as users run it: a separate JVM, started and stopped like a service. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SimulatorJarIT {
    private static final Pattern READY = Pattern.compile("Kaltura API simulator listening on http://127\\.0\\.0\\.1:(\\d+)");

    private static Process launch(List<String> jvmOptions, String... args) throws IOException {
        String jar = System.getProperty("simulator.jar");
        assertThat(jar).as("system property simulator.jar").isNotNull();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** Waits for the ready line and returns the port. */
    private static int awaitReady(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("first line of stdout").isNotNull();
        Matcher m = READY.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void startsPrintsItsAddressWritesThePortFileAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path portFile = dir.resolve("port");
        long t0 = System.nanoTime();
        Process process = launch(List.of(), "--port", "0", "--port-file", portFile.toString(), "--seed", "3");
        try {
            int port = awaitReady(process);
            long startupMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("Simulator jar ready in " + startupMillis + " ms");
            assertThat(Files.readString(portFile)).isEqualTo(Integer.toString(port));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + "/api_v3/service/session/action/start?format=1&partnerId=1000&secret=simulator-secret"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).startsWith("\"djJ8MTAwMH");
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("port free after SIGTERM")
                    .isInstanceOf(ConnectException.class);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void badOptionsExitWithCode2AndAClearMessage() throws Exception {
        Process process = launch(List.of(), "--port", "eighty");
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).contains("Option --port needs a whole number, not 'eighty'").contains("--help");
    }

    @Test
    void streamsAMillionAttendeeRowsWith64MegabytesOfHeap() throws Exception {
        Process process = launch(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), "--rooms", "10",
                "--sessions-per-room", "100", "--attendees-per-session", "1000", "--breakouts-per-session", "0",
                "--row-cap", "1000000");
        try {
            int port = awaitReady(process);
            HttpClient client = HttpClient.newHttpClient();
            String ks = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api_v3/service/session/action/start?format=1&partnerId=1000&type=2&secret=simulator-secret"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body().replace("\"", "");
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api_v3/service/report/action/getCsvFromStringParams"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("id=6001&params=&ks=" + ks)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = r.body()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            assertThat(lines).isEqualTo(1 + 1_000_000);
            assertThat(process.isAlive()).as("simulator survived with -Xmx64m").isTrue();
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }
}
