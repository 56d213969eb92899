package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.config.FetchOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's messages that say where a setting lives read, under Maven, as they always did. */
class MavenVocabularyTest {

    @TempDir
    Path output;

    @Test
    void missingCredentialsNameSettingsXmlAndTheEnvironment() {
        assertThatThrownBy(() -> new FetchOptions().partnerId("1000").outputDirectory(output)
                .vocabulary(new MavenVocabulary(PluginDescriptor.goal("fetch"))).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("No Kaltura credentials: give an admin secret, a KS or an app token (settings.xml server,"
                        + " or KALTURA_ADMIN_SECRET, KALTURA_KS, KALTURA_APP_TOKEN_ID with KALTURA_APP_TOKEN).");
    }

    @Test
    void aSettingIsNamedWithItsCommandLinePropertyFromTheDescriptor() {
        MavenVocabulary words = new MavenVocabulary(PluginDescriptor.goal("check"));

        assertThat(words.setting("inputDirectory")).isEqualTo("inputDirectory (-Dkaltura.outputDirectory=...)");
        assertThat(words.setting("thresholds")).isEqualTo("thresholds");
        assertThat(words.setting("sessionLifetime")).isEqualTo("sessionLifetime");
        assertThat(words.fetchCommand()).isEqualTo("kaltura-report:fetch");
    }
}
