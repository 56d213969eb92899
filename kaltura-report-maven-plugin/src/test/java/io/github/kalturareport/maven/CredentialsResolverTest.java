package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

class CredentialsResolverTest {

    private static final String SECRET = "the-admin-secret-123";

    @TempDir
    Path dir;

    private final Settings settings = new Settings();
    private final Map<String, String> env = new HashMap<>();

    @Test
    void settingsServerGivesPartnerIdAndAdminSecretAndWinsOverTheEnvironment() throws Exception {
        settings.addServer(server("kaltura", "1000", SECRET));
        env.put("KALTURA_PARTNER_ID", "2000");
        env.put("KALTURA_KS", "some-ks");

        ResolvedCredentials resolved = resolver(null).resolve(null);

        assertThat(resolved.partnerId()).isEqualTo("1000");
        assertThat(resolved.source()).isEqualTo("settings.xml server 'kaltura'");
        assertThat(resolved.credentials()).isNotNull();
        assertThat(resolved.source()).doesNotContain(SECRET);
    }

    @Test
    void encryptedPasswordIsDecryptedWithTheMasterPassword() throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        String master = "master-password";
        Path security = dir.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>"
                + cipher.encryptAndDecorate(master, "settings.security") + "</master></settingsSecurity>",
                StandardCharsets.UTF_8);
        settings.addServer(server("course", "1000", cipher.encryptAndDecorate(SECRET, master)));
        SettingsDecrypter decrypter = new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(cipher, Map.of(), security.toString()));

        ResolvedCredentials resolved = resolver(decrypter).resolve("course");

        assertThat(resolved.partnerId()).isEqualTo("1000");
        assertThat(resolved.source()).contains("course");
    }

    @Test
    void undecryptablePasswordFailsWithoutShowingIt() {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        settings.addServer(server("kaltura", "1000", "{notReallyEncrypted=}"));
        SettingsDecrypter decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(),
                dir.resolve("missing-settings-security.xml").toString()));

        assertThatThrownBy(() -> resolver(decrypter).resolve("kaltura"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Cannot decrypt the password of the settings.xml <server> 'kaltura'")
                .hasMessageNotContaining("notReallyEncrypted");
    }

    @Test
    void environmentIsUsedWhenNoServerMatches() throws Exception {
        settings.addServer(server("other", "3000", "x"));
        env.put("KALTURA_PARTNER_ID", " 2000 ");
        env.put("KALTURA_ADMIN_SECRET", SECRET);

        ResolvedCredentials resolved = resolver(null).resolve("kaltura");

        assertThat(resolved.partnerId()).isEqualTo("2000");
        assertThat(resolved.source()).isEqualTo("environment variable KALTURA_ADMIN_SECRET");
    }

    @Test
    void serverWithoutPasswordLendsItsPartnerIdToTheEnvironmentsKs() throws Exception {
        Server server = server("kaltura", "1000", null);
        settings.addServer(server);
        env.put("KALTURA_KS", "ready-ks");

        ResolvedCredentials resolved = resolver(null).resolve("kaltura");

        assertThat(resolved.partnerId()).isEqualTo("1000");
        assertThat(resolved.source()).isEqualTo("environment variable KALTURA_KS");
    }

    @Test
    void appTokenFromTheEnvironment() throws Exception {
        env.put("KALTURA_PARTNER_ID", "1000");
        env.put("KALTURA_APP_TOKEN_ID", "0_abc");
        env.put("KALTURA_APP_TOKEN", "token");
        env.put("KALTURA_APP_TOKEN_HASH_TYPE", "SHA1");

        assertThat(resolver(null).resolve(null).source()).contains("KALTURA_APP_TOKEN_ID");
    }

    @Test
    void halfAnAppTokenIsAClearError() {
        env.put("KALTURA_APP_TOKEN_ID", "0_abc");

        assertThatThrownBy(() -> resolver(null).resolve(null))
                .hasMessageContaining("only KALTURA_APP_TOKEN_ID is set");
    }

    @Test
    void nothingFoundSaysWhereCredentialsGo() {
        env.put("KALTURA_ADMIN_SECRET", "   ");

        assertThatThrownBy(() -> resolver(null).resolve("kaltura"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("settings.xml has no <server> with the id 'kaltura'")
                .hasMessageContaining("KALTURA_ADMIN_SECRET")
                .hasMessageContaining("mvn --encrypt-password");
    }

    private CredentialsResolver resolver(SettingsDecrypter decrypter) {
        return new CredentialsResolver(settings, decrypter, env);
    }

    private static Server server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }
}
