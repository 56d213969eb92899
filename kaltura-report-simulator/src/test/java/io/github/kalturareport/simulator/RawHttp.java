package io.github.kalturareport.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 over a plain socket, to see exactly what reaches the wire. */
final class RawHttp {
    private RawHttp() {
    }

    /** What came back before the server closed (or reset) the connection. */
    record Raw(byte[] bytes, IOException failure) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String head() {
            String t = text();
            int end = t.indexOf("\r\n\r\n");
            return end < 0 ? t : t.substring(0, end);
        }

        int bodyLength() {
            String t = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = t.indexOf("\r\n\r\n");
            return end < 0 ? 0 : bytes.length - end - 4;
        }

        long contentLength() {
            for (String line : head().split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    return Long.parseLong(line.substring(15).trim());
                }
            }
            return -1;
        }
    }

    static Raw post(KalturaSimulator sim, String path, String formBody) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(10_000);
            byte[] body = formBody.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + sim.port() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
                    + "Connection: keep-alive\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    got.write(buffer, 0, n);
                }
            } catch (IOException e) {
                return new Raw(got.toByteArray(), e);
            }
            return new Raw(got.toByteArray(), null);
        }
    }
}
