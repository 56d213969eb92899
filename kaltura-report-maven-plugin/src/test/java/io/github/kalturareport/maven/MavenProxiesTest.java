package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.fetch.ProxySettings;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

class MavenProxiesTest {

    @Test
    void picksTheActiveProxyOfTheProtocol() throws Exception {
        Settings settings = new Settings();
        settings.addProxy(proxy("inactive-https", "https", false, "a.example.org"));
        settings.addProxy(proxy("http", "http", true, "b.example.org"));
        settings.addProxy(proxy("https", "https", true, "c.example.org"));

        ProxySettings https = MavenProxies.forProtocol(settings, null, "https");

        assertThat(https.host()).isEqualTo("c.example.org");
        assertThat(https.port()).isEqualTo(3128);
        assertThat(https.username()).isEqualTo("user");
        assertThat(https.password()).isEqualTo("pw");
        assertThat(https.nonProxyHosts()).containsExactly("localhost", "127.0.0.1");
        assertThat(MavenProxies.forProtocol(settings, null, "http").host()).isEqualTo("b.example.org");
        Settings inactiveOnly = new Settings();
        inactiveOnly.addProxy(proxy("off", "http", false, "d.example.org"));
        assertThat(MavenProxies.forProtocol(inactiveOnly, null, "https")).isNull();
        Settings httpsOnly = new Settings();
        httpsOnly.addProxy(proxy("tls", "https", true, "e.example.org"));
        assertThat(MavenProxies.forProtocol(httpsOnly, null, "http")).as("an https proxy is not used for http").isNull();
        assertThat(MavenProxies.forProtocol(new Settings(), null, "https")).isNull();
        assertThat(MavenProxies.forProtocol(null, null, "https")).isNull();
    }

    @Test
    void proxyWithoutProtocolCountsAsHttp() throws Exception {
        Settings settings = new Settings();
        Proxy proxy = proxy("p", null, true, "proxy.example.org");
        settings.addProxy(proxy);

        ProxySettings found = MavenProxies.forProtocol(settings, null, "http");

        assertThat(found.host()).isEqualTo("proxy.example.org");
        // Maven's own rule for https repositories: the http proxy carries them (CONNECT).
        assertThat(MavenProxies.forProtocol(settings, null, "https").host()).isEqualTo("proxy.example.org");
    }

    @Test
    void encryptedProxyPasswordIsDecrypted() throws Exception {
        org.sonatype.plexus.components.cipher.DefaultPlexusCipher cipher =
                new org.sonatype.plexus.components.cipher.DefaultPlexusCipher();
        java.nio.file.Path security = java.nio.file.Files.createTempFile("settings-security", ".xml");
        try {
            java.nio.file.Files.writeString(security, "<settingsSecurity><master>"
                    + cipher.encryptAndDecorate("master", "settings.security") + "</master></settingsSecurity>");
            Settings settings = new Settings();
            Proxy proxy = proxy("p", "https", true, "proxy.example.org");
            proxy.setPassword(cipher.encryptAndDecorate("proxy-pw", "master"));
            settings.addProxy(proxy);
            org.apache.maven.settings.crypto.SettingsDecrypter decrypter =
                    new org.apache.maven.settings.crypto.DefaultSettingsDecrypter(
                            new org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher(cipher,
                                    java.util.Map.of(), security.toString()));

            assertThat(MavenProxies.forProtocol(settings, decrypter, "https").password()).isEqualTo("proxy-pw");
        } finally {
            java.nio.file.Files.delete(security);
        }
    }

    @Test
    void nonProxyHostsSplitOnPipeAndComma() {
        assertThat(MavenProxies.nonProxyHosts("localhost|*.example.org, 127.0.0.1|"))
                .containsExactly("localhost", "*.example.org", "127.0.0.1");
        assertThat(MavenProxies.nonProxyHosts(null)).isEmpty();
    }

    @Test
    void protocolComesFromTheServiceUrlElseHttps() {
        assertThat(MavenProxies.protocolOf("http://127.0.0.1:8080")).isEqualTo("http");
        assertThat(MavenProxies.protocolOf("HTTPS://kaltura.example.org")).isEqualTo("https");
        assertThat(MavenProxies.protocolOf(null)).isEqualTo("https");
    }

    private static Proxy proxy(String id, String protocol, boolean active, String host) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        if (protocol != null) {
            proxy.setProtocol(protocol);
        }
        proxy.setActive(active);
        proxy.setHost(host);
        proxy.setPort(3128);
        proxy.setUsername("user");
        proxy.setPassword("pw");
        proxy.setNonProxyHosts("localhost|127.0.0.1");
        return proxy;
    }
}
