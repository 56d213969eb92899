package io.github.kalturareport.core.internal.http;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Connections that never log what they carry. HttpClient logs every byte of a request (its "wire" log, where the
 * KS of the form body would appear) and every header (where a proxy's credentials would appear) at DEBUG level — and
 * in a Maven plugin, {@code mvn -X} turns DEBUG on. These connections bind their sockets without the logging
 * wrapper and skip the header log; everything else is HttpClient's default connection.
 */
final class QuietConnections {

    private static final AtomicLong COUNT = new AtomicLong();

    private QuietConnections() {
    }

    static HttpConnectionFactory<ManagedHttpClientConnection> factory() {
        return socket -> {
            Connection connection = new Connection("kaltura-report-" + COUNT.incrementAndGet());
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        };
    }

    private static final class Connection extends DefaultManagedHttpClientConnection {

        Connection(String id) {
            super(id);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            // no header log: a Proxy-Authorization header holds the proxy's password
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            // no header log, for symmetry
        }
    }
}
