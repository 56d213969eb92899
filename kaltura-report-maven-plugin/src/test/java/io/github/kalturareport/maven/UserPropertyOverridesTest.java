package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UserPropertyOverridesTest {

    private final Properties cli = new Properties();
    private final UserPropertyOverrides overrides = new UserPropertyOverrides(cli);

    @Test
    void commandLineValueWinsOverTheConfiguredOne() {
        cli.setProperty("kaltura.period", "LAST_7_DAYS");

        assertThat(overrides.string("kaltura.period", "LAST_365_DAYS")).isEqualTo("LAST_7_DAYS");
    }

    @Test
    void configuredValueStaysWhenTheCommandLineIsSilent() {
        assertThat(overrides.string("kaltura.period", "LAST_365_DAYS")).isEqualTo("LAST_365_DAYS");
        assertThat(overrides.flag("kaltura.skip", true)).isTrue();
        assertThat(new UserPropertyOverrides(null).string("kaltura.reports", "rooms")).isEqualTo("rooms");
    }

    @Test
    void flagsFollowTheCommandLineAndABareDashDMeansTrue() {
        cli.setProperty("kaltura.haltOnFailure", "false");
        cli.setProperty("kaltura.skip", "");

        assertThat(overrides.flag("kaltura.haltOnFailure", true)).isFalse();
        assertThat(overrides.flag("kaltura.skip", false)).isTrue();
    }

    @Test
    void relativeDirectoryIsTakenFromTheProjectBaseDirectory() {
        File basedir = new File("/tmp/course");
        cli.setProperty("kaltura.outputDirectory", "reports/out");

        assertThat(overrides.file("kaltura.outputDirectory", new File("/tmp/course/target/kaltura-reports"), basedir))
                .isEqualTo(new File(basedir, "reports/out"));
        cli.setProperty("kaltura.outputDirectory", "/abs/out");
        assertThat(overrides.file("kaltura.outputDirectory", null, basedir)).isEqualTo(new File("/abs/out"));
    }
}
