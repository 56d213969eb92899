package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.kalturareport.core.check.Threshold;
import java.io.File;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/** The check goal's parameters as Maven binds them, including the nested {@code <threshold>} elements. */
@MojoTest
class CheckMojoBindingTest {

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/check-configured/pom.xml")
    void bindsThresholdsIntoThresholdSpecsAndEveryOtherParameter(CheckMojo mojo) {
        assertThat(mojo.inputDirectory).isEqualTo(new File(mojo.project.getBuild().getDirectory(), "course-reports"));
        assertThat(mojo.haltOnFailure).isFalse();
        assertThat(mojo.timeZone).isEqualTo("Europe/Berlin");
        assertThat(mojo.rules).isEqualTo("rooms:min(uniqueUsers) by entry_id >= 5; breakouts:max(duration) <= 7200");
        assertThat(mojo.skip).isFalse();
        assertThat(mojo.thresholds).hasSize(2);
        ThresholdSpec first = mojo.thresholds.get(0);
        assertThat(first.getName()).isEqualTo("engagement per room");
        assertThat(first.getReport()).isEqualTo("attendees");
        assertThat(first.getMetric()).isEqualTo("engagement");
        assertThat(first.getAggregate()).isEqualTo("mean");
        assertThat(first.getGroupBy()).isEqualTo("entry_id");
        assertThat(first.getWhere()).isEqualTo("user_type=Attendee");
        assertThat(first.getMinimum()).isEqualTo("60%");
        assertThat(first.getMaximum()).isEqualTo("1");
        assertThat(first.getSeverity()).isEqualTo("warning");
        assertThat(first.getOnEmpty()).isEqualTo("fail");
        assertThat(first.getMinRows()).isEqualTo("3");
        ThresholdSpec second = mojo.thresholds.get(1);
        assertThat(second.getReport()).isEqualTo("rooms");
        assertThat(second.getMinimum()).isEqualTo("10");
        assertThat(second.getMaximum()).isNull();
        assertThat(second.getSeverity()).isNull();
        // The core takes the same text, part for part.
        assertThat(first.toThreshold()).isEqualTo(new Threshold("attendees", "engagement", "mean", "entry_id",
                "user_type=Attendee", "60%", "1", "warning", "fail", "engagement per room", "3"));
        assertThat(second.getMinRows()).isNull();
        assertThat(second.getCompareTo()).isEqualTo("previous");
        assertThat(first.getCompareTo()).isNull();
        assertThat(second.toThreshold()).isEqualTo(Threshold.of("rooms", "uniqueUsers", "sum", "10", null)
                .withCompareTo("previous"));
        assertThat(mojo.baseline).isEqualTo(new File(mojo.project.getBasedir(), "last-build/summary.json"));
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/fetch-default/pom.xml")
    void unconfiguredParametersTakeTheContractsDefaults(CheckMojo mojo) {
        assertThat(mojo.inputDirectory).isEqualTo(new File(mojo.project.getBuild().getDirectory(), "kaltura-reports"));
        assertThat(mojo.haltOnFailure).isTrue();
        assertThat(mojo.rules).isNull();
        assertThat(mojo.thresholds).isNullOrEmpty();
        assertThat(mojo.baseline).isNull();
        assertThat(mojo.skip).isFalse();
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/projects/check-broken-skipped/pom.xml")
    void skipWorksWithBrokenConfiguration(CheckMojo mojo) {
        mojo.environment = Map.of();

        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }
}
