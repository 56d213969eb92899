package io.github.kalturareport.core.it;

import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.simulator.KalturaSimulator;
import io.github.kalturareport.simulator.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Settings that point at a simulator, with fast retries; and small helpers for the over-HTTP tests. */
final class SimulatorFetch {

    private SimulatorFetch() {
    }

    /**
     * The whole data span of the simulator, all three reports, admin secret, fast retries: the options as a front
     * end passes them, so the tests go the same way from text to a fetch.
     */
    static FetchOptions settings(KalturaSimulator sim, Path out) {
        return new FetchOptions()
                .serviceUrl(sim.baseUrl())
                .partnerId(Integer.toString(sim.partnerId()))
                .credentials(Credentials.adminSecret(sim.adminSecret()))
                .from(sim.dataStart().toString())
                .to(sim.dataEnd().toString())
                .outputDirectory(out)
                .connectTimeout("5")
                .responseTimeout("30")
                .retryDelays(Duration.ofMillis(5), Duration.ofMillis(40));
    }

    /** A KS from the simulator's session.start (type 2 = admin, 0 = user), fetched with the JDK's own client. */
    static String sessionStart(KalturaSimulator sim, int type, int expirySeconds) {
        String form = "format=1&secret=" + sim.adminSecret() + "&partnerId=" + sim.partnerId() + "&type=" + type
                + "&expiry=" + expirySeconds;
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/api_v3/service/session/action/start"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String body = r.body().trim();
            if (!body.startsWith("\"")) {
                throw new IllegalStateException("session.start failed: " + body);
            }
            return body.substring(1, body.length() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The simulator's request log once it has settled: the simulator records a request just after answering it, so
     * a test that reads the log right after a fetch waits until no new entry arrived for 100 ms (at most 3 s).
     */
    static List<RecordedRequest> settledRequests(KalturaSimulator sim) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        List<RecordedRequest> last = sim.requests();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            List<RecordedRequest> now = sim.requests();
            if (now.size() == last.size()) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Every regular file under a directory. */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** File names directly in a directory. */
    static List<String> names(Path dir) throws IOException {
        return files(dir).stream().map(p -> p.getFileName().toString()).toList();
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
