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

        assertThat(MavenProxies.forProtocol(settings, null, "https")).isNotNull();
        assertThat(MavenProxies.forProtocol(settings, null, "ftp")).isNull();
        assertThat(MavenProxies.forProtocol(new Settings(), null, "https")).isNull();
        assertThat(MavenProxies.forProtocol(null, null, "https")).isNull();
    }

    @Test
    void proxyWithoutProtocolCountsAsHttp() throws Exception {
        Settings settings = new Settings();
        Proxy proxy = proxy("p", null, true, "proxy.example.org");
        settings.addProxy(proxy);

        ProxySettings found = MavenProxies.forProtocol(settings, null, "http");

        assertThat(found).isNotNull();
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
