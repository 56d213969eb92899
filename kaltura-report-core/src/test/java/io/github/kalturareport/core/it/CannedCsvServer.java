package io.github.kalturareport.core.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves fixed CSV bodies per report id, for what the simulator does not do on purpose: send data that fails
 * validation, and answer a custom report id. Everything else is tested against the simulator.
 */
final class CannedCsvServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    CannedCsvServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api_v3/service/report/action/getCsvFromStringParams", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = "";
            for (String pair : form.split("&")) {
                if (pair.startsWith("id=")) {
                    id = pair.substring(3);
                }
            }
            byte[] body = ("\uFEFF" + bodies.getOrDefault(id, "")).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The CSV (after the BOM) answered for a report id. */
    void serve(int reportId, String csv) {
        bodies.put(Integer.toString(reportId), csv);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
