package io.github.kalturareport.core.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal forwarding HTTP proxy for plain-HTTP targets that demands Basic proxy credentials (407 otherwise).
 * It stands in for a corporate proxy, which the simulator is not; it forwards to the simulator.
 */
final class TestProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String expectedAuthorization;
    /** Request lines forwarded, e.g. {@code POST http://127.0.0.1:1234/api_v3/... HTTP/1.1}. */
    final List<String> forwarded = new CopyOnWriteArrayList<>();
    /** Requests refused with 407. */
    final List<String> refused = new CopyOnWriteArrayList<>();

    TestProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        Thread acceptor = new Thread(this::acceptLoop, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> handle(client), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String requestLine = line(in);
            List<String> headers = new ArrayList<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                headers.add(h);
            }
            int length = 0;
            String authorization = null;
            for (String h : headers) {
                String name = h.substring(0, h.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(h.indexOf(':') + 1).trim();
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                } else if (name.equals("proxy-authorization")) {
                    authorization = value;
                }
            }
            byte[] body = in.readNBytes(length);
            if (!expectedAuthorization.equals(authorization)) {
                refused.add(requestLine);
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\""
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            forwarded.add(requestLine);
            String[] parts = requestLine.split(" ");
            URI target = URI.create(parts[1]);
            try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
                OutputStream up = upstream.getOutputStream();
                StringBuilder head = new StringBuilder(parts[0] + " " + target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " " + parts[2] + "\r\n");
                for (String h : headers) {
                    String lower = h.toLowerCase(Locale.ROOT);
                    if (!lower.startsWith("proxy-") && !lower.startsWith("connection:")) {
                        head.append(h).append("\r\n");
                    }
                }
                head.append("Connection: close\r\n\r\n");
                up.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                up.write(body);
                up.flush();
                upstream.getInputStream().transferTo(out);
            }
        } catch (IOException | RuntimeException e) {
            // the client gave up; nothing to do
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
