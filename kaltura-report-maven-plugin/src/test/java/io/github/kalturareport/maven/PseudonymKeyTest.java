package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** Where the pseudonym key comes from: the settings.xml server first, then the environment; only when needed. */
class PseudonymKeyTest {

    private static Settings withServer(String password) {
        Server server = new Server();
        server.setId("kaltura-pseudonym");
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    private static String key(PseudonymKey key) {
        return key.bytes() == null ? null : new String(key.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theServerWinsOverTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("KALTURA_PSEUDONYM_KEY", "key-from-the-environment");
        assertThat(key(PseudonymKey.ifNeeded("pseudonymize", null, null, withServer("key-from-the-server-xx"), null,
                env))).isEqualTo("key-from-the-server-xx");
        assertThat(key(PseudonymKey.ifNeeded("pseudonymize", null, null, new Settings(), null, env)))
                .isEqualTo("key-from-the-environment");
        assertThat(key(PseudonymKey.ifNeeded("pseudonymize", null, null, null, null, Map.of()))).isNull();
    }

    @Test
    void noKeyIsReadWhenNothingIsPseudonymised() throws Exception {
        Map<String, String> env = Map.of("KALTURA_PSEUDONYM_KEY", "key-from-the-environment");
        assertThat(key(PseudonymKey.ifNeeded("keep", null, null, null, null, env))).isNull();
        assertThat(key(PseudonymKey.ifNeeded("drop", null, "attendees", null, null, env))).isNull();
        assertThat(key(PseudonymKey.ifNeeded("keep", "user_email=pseudonymize", "attendees", null, null, env)))
                .isEqualTo("key-from-the-environment");
        // rooms has no user_email: nothing to pseudonymise there
        assertThat(key(PseudonymKey.ifNeeded("keep", "user_email=pseudonymize", "rooms", null, null, env))).isNull();
    }

    @Test
    void theKeyIsNeverInItsText() throws Exception {
        PseudonymKey key = PseudonymKey.ifNeeded("pseudonymize", null, null, withServer("key-from-the-server-xx"),
                null, Map.of());
        assertThat(key.toString()).doesNotContain("key-from").contains("settings.xml server 'kaltura-pseudonym'");
    }
}
