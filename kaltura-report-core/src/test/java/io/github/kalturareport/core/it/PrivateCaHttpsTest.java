package io.github.kalturareport.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.kalturareport.core.TransportException;
import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.ReportFetcher;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A self-hosted Kaltura behind a private CA (the simulator speaks plain HTTP, so a JDK HTTPS server with a keytool
 * certificate stands in): trusted through a PEM trust store, refused without it — and never retried.
 */
class PrivateCaHttpsTest {

    @TempDir
    static Path dir;

    static HttpsServer server;
    static Path pem;
    static final AtomicInteger REQUESTS = new AtomicInteger();

    @TempDir
    Path out;

    @BeforeAll
    static void start() throws Exception {
        Path p12 = dir.resolve("server.p12");
        pem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=kaltura.example.internal",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "3650", "-storetype", "PKCS12", "-keystore", p12.toString(),
                "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", p12.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api_v3/service/report/action/getCsvFromStringParams", exchange -> {
            REQUESTS.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("\uFEFFentry_id,entry_name,parent_entry_id,cue_point_id,session_start_time,"
                    + "session_end_time,session_host_user_id,meeting_view_period_unique_users,"
                    + "meeting_engaged_play_time_ratio\n1_a,Room,,cp,1745000000,1745003600,h,3,0.5\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private FetchOptions settings() {
        return new FetchOptions().serviceUrl("https://127.0.0.1:" + server.getAddress().getPort())
                .partnerId("1000").credentials(Credentials.adminSecret("any")).reports("rooms")
                .from("2025-04-01").to("2025-04-30").outputDirectory(out)
                .retryDelays(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void aPemTrustStoreLetsThePrivateCaIn() throws Exception {
        FetchResult r = ReportFetcher.fetch(settings().trustStore(pem, null).build(), null);
        assertThat(r.reports().get(0).rows()).isEqualTo(1);
    }

    @Test
    void withoutItTheServerIsRefusedAtOnce() {
        int before = REQUESTS.get();
        assertThatThrownBy(() -> ReportFetcher.fetch(settings().build(), null))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("SSL")
                .hasMessageContaining("trustStore");
        assertThat(REQUESTS.get()).isEqualTo(before);
    }
}
