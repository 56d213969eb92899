package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.ConfigurationException;
import org.junit.jupiter.api.Test;

class ParameterHintTest {

    @Test
    void namesThePomElementAndTheCommandLineProperty() {
        assertThat(ParameterHint.message(new ConfigurationException("userIds", "Report rooms does not take userIds.")))
                .isEqualTo("Report rooms does not take userIds. [POM: <userIds>, command line: -Dkaltura.userIds]");
        assertThat(ParameterHint.message(new ConfigurationException("inputDirectory", "No such directory.")))
                .endsWith("[POM: <inputDirectory>, command line: -Dkaltura.outputDirectory]");
        assertThat(ParameterHint.message(new ConfigurationException("thresholds", "Bad threshold.")))
                .isEqualTo("Bad threshold. [POM: <thresholds>]");
    }

    @Test
    void leavesTheCoresOwnSettingsAlone() {
        assertThat(ParameterHint.message(new ConfigurationException("sessionLifetime", "Too long.")))
                .isEqualTo("Too long.");
    }
}
