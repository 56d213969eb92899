package io.github.kalturareport.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.FetchSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's settings as text: what makes a run incremental, the lookback, and what an archive refuses. */
class ArchiveOptionsTest {

    @TempDir
    Path dir;

    private FetchOptions options() {
        return new FetchOptions().serviceUrl("http://127.0.0.1:9").partnerId("1000")
                .credentials(Credentials.adminSecret("secret")).outputDirectory(dir);
    }

    @Test
    void withAnArchiveAndNoRangeARunIsIncrementalWithADayOfLookback() throws Exception {
        FetchSettings s = options().archive("a.db", dir).build();
        assertThat(s.incremental()).isTrue();
        assertThat(s.output().lookback()).isEqualTo(Duration.ofDays(1));
        assertThat(s.output().archive().url()).isEqualTo("jdbc:sqlite:" + dir.resolve("a.db"));
        assertThat(s.query().range().description()).isEqualTo("LAST_30_DAYS");
    }

    @Test
    void aGivenRangeOrNoArchiveIsNotIncremental() throws Exception {
        assertThat(options().archive("a.db", dir).period("P7D").build().incremental()).isFalse();
        assertThat(options().archive("a.db", dir).from("2026-01-01").build().incremental()).isFalse();
        assertThat(options().archive("a.db", dir).to("2026-01-01").build().incremental()).isFalse();
        assertThat(options().build().incremental()).isFalse();
        assertThat(options().build().output().archive()).isNull();
    }

    @Test
    void theLookbackIsAnIsoDuration() throws Exception {
        assertThat(options().archive("a.db", dir).lookback("P3D").build().output().lookback())
                .isEqualTo(Duration.ofDays(3));
        assertThatThrownBy(() -> options().archive("a.db", dir).lookback("a week").build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("lookback"));
    }

    @Test
    void droppingAKeyColumnIsRefusedBeforeAnyRequestAndOthersMayBeDropped() throws Exception {
        assertThatThrownBy(() -> options().archive("a.db", dir).personalData("drop").build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("personalData"))
                .hasMessageContaining("user_id")
                .hasMessageContaining("personalColumns=user_id=pseudonymize");
        assertThat(options().archive("a.db", dir).personalData("drop").reports("attendees")
                .personalColumns("user_id=pseudonymize").pseudonymKey("0123456789abcdef".getBytes()).build()
                .output().archive()).isNotNull();
        assertThat(options().archive("a.db", dir).personalColumns("user_email=drop").build().output().archive())
                .isNotNull();
        assertThat(options().personalData("drop").build().output().archive()).isNull();
    }

    @Test
    void theArchivePasswordIsNeverInTheSettingsText() throws Exception {
        FetchSettings s = options().archive("jdbc:postgresql://127.0.0.1:5/k", null)
                .archiveCredentials("reporter", "Pg-Secret-77".toCharArray()).build();
        assertThat(s.toString()).contains("jdbc:postgresql://127.0.0.1:5/k (user reporter)")
                .doesNotContain("Pg-Secret-77");
        assertThat(new String(s.output().archive().password())).isEqualTo("Pg-Secret-77");
    }
}
