package io.github.kalturareport.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A private CA's certificate, made with the JDK's keytool, trusted from PEM and PKCS#12 on top of the system's. */
class TrustStoresTest {

    @TempDir
    static Path dir;

    static Path pkcs12;
    static Path pem;
    static final char[] PASSWORD = "changeit".toCharArray();

    @BeforeAll
    static void makeAPrivateCa() throws Exception {
        pkcs12 = dir.resolve("private-ca.p12");
        pem = dir.resolve("private-ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=kaltura.example.internal",
                "-validity", "3650", "-storetype", "PKCS12", "-keystore", pkcs12.toString(), "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", pkcs12.toString(), "-storepass", "changeit",
                "-file", pem.toString());
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static X509Certificate certificate() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(pkcs12)) {
            ks.load(in, PASSWORD);
        }
        return (X509Certificate) ks.getCertificate("ca");
    }

    private static X509TrustManager trustManager(KeyStore store) throws Exception {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        return (X509TrustManager) f.getTrustManagers()[0];
    }

    @Test
    void pemAndPkcs12AddTheCertificateToTheSystemTrust() throws Exception {
        X509Certificate[] chain = {certificate()};
        X509TrustManager system = trustManager(null);
        assertThatThrownBy(() -> system.checkServerTrusted(chain, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        for (KeyStore extra : List.of(TrustStores.load(pem, null), TrustStores.load(pkcs12, PASSWORD))) {
            X509TrustManager either = new TrustStores.EitherTrustManager(system, trustManager(extra));
            either.checkServerTrusted(chain, "ECDHE_ECDSA");
            assertThat(either.getAcceptedIssuers()).contains(chain[0]);
        }
        assertThat(TrustStores.sslContext(pem, null).getProtocol()).isEqualTo("TLS");
        assertThat(TrustStores.sslContext(null, null)).isNotNull();
    }

    @Test
    void anUnreadableTrustStoreIsAConfigurationError() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a key store");
        assertThatThrownBy(() -> TrustStores.load(junk, PASSWORD)).isInstanceOfSatisfying(
                ConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("trustStore");
                    assertThat(e.getMessage()).contains("junk.p12", "PEM", "PKCS#12");
                });
        assertThatThrownBy(() -> TrustStores.load(pkcs12, "wrong".toCharArray()))
                .isInstanceOf(ConfigurationException.class);
        Path emptyPem = Files.writeString(dir.resolve("empty.pem"), "-----BEGIN CERTIFICATE-----\n");
        assertThatThrownBy(() -> TrustStores.load(emptyPem, null)).isInstanceOf(ConfigurationException.class);
    }
}
