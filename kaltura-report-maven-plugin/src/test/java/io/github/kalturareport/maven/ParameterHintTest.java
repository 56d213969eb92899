package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.ConfigurationException;
import org.junit.jupiter.api.Test;

/** The hint comes from the goal's descriptor: each parameter's POM element and -D property, said once. */
class ParameterHintTest {

    private final GoalParameters fetch = PluginDescriptor.goal("fetch");
    private final GoalParameters check = PluginDescriptor.goal("check");

    @Test
    void namesThePomElementAndTheCommandLineProperty() {
        assertThat(ParameterHint.message(new ConfigurationException("userIds", "Report rooms does not take userIds."),
                fetch)).isEqualTo("Report rooms does not take userIds. [POM: <userIds>, command line: -Dkaltura.userIds]");
        assertThat(ParameterHint.message(new ConfigurationException("inputDirectory", "No such directory."), check))
                .endsWith("[POM: <inputDirectory>, command line: -Dkaltura.outputDirectory]");
        assertThat(ParameterHint.message(new ConfigurationException("thresholds", "Bad threshold."), check))
                .isEqualTo("Bad threshold. [POM: <thresholds>]");
    }

    @Test
    void everyPropertyOfEitherGoalIsOneOfPropertyNames() throws IllegalAccessException {
        java.util.Set<String> constants = new java.util.HashSet<>();
        for (java.lang.reflect.Field f : PropertyNames.class.getDeclaredFields()) {
            if (f.getType() == String.class && !f.getName().equals("PREFIX")) {
                constants.add((String) f.get(null));
            }
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        for (GoalParameters goal : java.util.List.of(fetch, check)) {
            for (String name : goal.names()) {
                goal.property(name).ifPresent(used::add);
            }
        }
        assertThat(used).isEqualTo(constants);
    }

    @Test
    void leavesTheCoresOwnSettingsAndOtherGoalsParametersAlone() {
        assertThat(ParameterHint.message(new ConfigurationException("sessionLifetime", "Too long."), fetch))
                .isEqualTo("Too long.");
        assertThat(ParameterHint.message(new ConfigurationException("haltOnFailure", "Bad flag."), fetch))
                .isEqualTo("Bad flag.");
        // The fetch reads the check's rules (to refuse one on a dropped column), so it names where they live.
        assertThat(ParameterHint.message(new ConfigurationException("rules", "Bad rule."), fetch))
                .isEqualTo("Bad rule. [POM: <rules>, command line: -Dkaltura.rules]");
    }
}
