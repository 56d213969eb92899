package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** Where a PostgreSQL archive's user and password come from: settings.xml first, then the environment. */
class ArchiveSettingTest {

    private static final String PG = "jdbc:postgresql://db.example.edu/kaltura";
    private static final Map<String, String> ENV = Map.of("KALTURA_ARCHIVE_USER", "env-user",
            "KALTURA_ARCHIVE_PASSWORD", "env-Secret-1");

    private static Settings withServer(String id, String user, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    @Test
    void theDefaultServerWinsOverTheEnvironment() throws Exception {
        ArchiveSetting s = ArchiveSetting.credentials(PG, null, withServer("kaltura-archive", "reporter",
                "server-Secret-1"), null, ENV);
        assertThat(s.user()).isEqualTo("reporter");
        assertThat(new String(s.password())).isEqualTo("server-Secret-1");
        assertThat(s.toString()).contains("settings.xml server 'kaltura-archive'").doesNotContain("server-Secret-1");
    }

    @Test
    void anotherServerIdCanBeNamed() throws Exception {
        ArchiveSetting s = ArchiveSetting.credentials(PG, "warehouse", withServer("warehouse", "w", "w-Secret-1"),
                null, ENV);
        assertThat(s.user()).isEqualTo("w");
        ArchiveSetting fallback = ArchiveSetting.credentials(PG, "warehouse", withServer("kaltura-archive", "x",
                "y"), null, ENV);
        assertThat(fallback.user()).isEqualTo("env-user");
        assertThat(new String(fallback.password())).isEqualTo("env-Secret-1");
        assertThat(fallback.toString()).contains("KALTURA_ARCHIVE_USER").doesNotContain("env-Secret-1");
    }

    @Test
    void aSqliteArchiveOrNoneLooksForNoCredentials() throws Exception {
        Settings settings = withServer("kaltura-archive", "reporter", "server-Secret-1");
        for (String archive : new String[] {null, "", "archive.db", "jdbc:sqlite:a.db"}) {
            ArchiveSetting s = ArchiveSetting.credentials(archive, null, settings, null, ENV);
            assertThat(s.user()).isNull();
            assertThat(s.password()).isNull();
        }
        assertThat(ArchiveSetting.credentials(PG, null, new Settings(), null, Map.of()).password()).isNull();
    }

    @Test
    void theLogSaysWhereNotWhat() throws Exception {
        RecordingLog log = new RecordingLog();
        ArchiveSetting.credentials(PG, null, null, null, ENV).log(log);
        assertThat(String.join("\n", log.lines)).contains("Archive credentials from environment variables")
                .doesNotContain("env-Secret-1");
    }
}
