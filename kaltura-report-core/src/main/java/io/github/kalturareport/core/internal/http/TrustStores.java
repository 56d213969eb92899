package io.github.kalturareport.core.internal.http;

import io.github.kalturareport.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust: the system's trust store, plus optionally the certificates of a PEM or PKCS#12 file for a self-hosted
 * Kaltura behind a private CA. There is deliberately no way to trust everything.
 */
public final class TrustStores {

    private TrustStores() {
    }

    /** The system's trust, plus the file's certificates when a file is given. */
    public static SSLContext sslContext(Path extra, char[] password) throws ConfigurationException {
        try {
            X509TrustManager system = trustManager(null);
            X509TrustManager trust = extra == null ? system : new EitherTrustManager(system,
                    trustManager(load(extra, password)));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("trustStore", "Cannot set up TLS with the trust store " + extra + ": "
                    + e.getMessage());
        }
    }

    /** The certificates of a PEM file (one or more) or a PKCS#12 file. */
    public static KeyStore load(Path file, char[] password) throws ConfigurationException {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(64);
            }
            KeyStore store;
            if (new String(head, StandardCharsets.US_ASCII).contains("-----BEGIN")) {
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                Collection<? extends Certificate> certificates;
                try (InputStream in = Files.newInputStream(file)) {
                    certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
                }
                int i = 0;
                for (Certificate c : certificates) {
                    store.setCertificateEntry("pem-" + i++, c);
                }
                if (i == 0) {
                    throw new CertificateException("no certificate in the PEM file");
                }
            } else {
                store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("trustStore", "Cannot read the trust store " + file + " ("
                    + e.getMessage() + "): give a PEM file of certificates, or a PKCS#12 file with its password.");
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server that either trust manager trusts. */
    static final class EitherTrustManager implements X509TrustManager {
        private final X509TrustManager first;
        private final X509TrustManager second;

        EitherTrustManager(X509TrustManager first, X509TrustManager second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notBySystem) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
            all.addAll(List.of(second.getAcceptedIssuers()));
            return all.toArray(new X509Certificate[0]);
        }
    }
}
