package io.github.kalturareport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.io.File;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The fetch goal's parameters as Maven binds them from a POM, and what happens before any network call. */
@MojoTest
class FetchMojoBindingTest {

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-configured/pom.xml")
    void bindsEveryParameterFromThePom(FetchMojo mojo) {
        assertThat(mojo.serviceUrl).isEqualTo("http://127.0.0.1:9");
        assertThat(mojo.region).isEqualTo("EU");
        assertThat(mojo.partnerId).isEqualTo("1000");
        assertThat(mojo.serverId).isEqualTo("course-kaltura");
        assertThat(mojo.reports).isEqualTo("rooms,6003");
        assertThat(mojo.period).isEqualTo("LAST_7_DAYS");
        assertThat(mojo.from).isEqualTo("2025-04-01");
        assertThat(mojo.to).isEqualTo("2025-04-21");
        assertThat(mojo.timeZone).isEqualTo("Europe/Berlin");
        assertThat(mojo.entryIds).isEqualTo("1_a,1_b");
        assertThat(mojo.virtualEventIds).isEqualTo("42");
        assertThat(mojo.userIds).isEqualTo("alice");
        assertThat(mojo.cuePointIds).isEqualTo("1_cp");
        assertThat(mojo.parentEntryIds).isEqualTo("1_p");
        assertThat(mojo.outputDirectory).isEqualTo(new File(mojo.project.getBuild().getDirectory(), "reports"));
        assertThat(mojo.descriptiveHeaders).isTrue();
        assertThat(mojo.attach).isFalse();
        assertThat(mojo.lenient).isTrue();
        assertThat(mojo.concurrency).isEqualTo("3");
        assertThat(mojo.maxRetries).isEqualTo("7");
        assertThat(mojo.connectTimeout).isEqualTo("PT5S");
        assertThat(mojo.responseTimeout).isEqualTo("120");
        assertThat(mojo.rowCap).isEqualTo("500");
        assertThat(mojo.skip).isFalse();
        assertThat(mojo.adminSecret).isNull();
        assertThat(mojo.projectHelper).isNotNull();
        assertThat(mojo.settingsDecrypter).isNotNull();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void unconfiguredParametersTakeTheContractsDefaults(FetchMojo mojo) {
        assertThat(mojo.serviceUrl).isNull();
        assertThat(mojo.region).isEqualTo("US");
        assertThat(mojo.serverId).isEqualTo("kaltura");
        assertThat(mojo.reports).isEqualTo("rooms,attendees,breakouts");
        assertThat(mojo.period).isEqualTo("LAST_30_DAYS");
        assertThat(mojo.timeZone).isEqualTo("UTC");
        assertThat(mojo.outputDirectory).isEqualTo(new File(mojo.project.getBuild().getDirectory(), "kaltura-reports"));
        assertThat(mojo.descriptiveHeaders).isFalse();
        assertThat(mojo.attach).isTrue();
        assertThat(mojo.skip).isFalse();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-broken-skipped/pom.xml")
    void skipWorksWithBrokenConfigurationAndNoCredentials(FetchMojo mojo) {
        mojo.environment = Map.of();

        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-configured/pom.xml")
    void commandLineSkipWinsOverThePom(FetchMojo mojo) {
        mojo.environment = Map.of();
        when(mojo.session.getUserProperties()).thenReturn(properties("kaltura.skip", "true"));

        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-configured/pom.xml")
    void adminSecretOnTheCommandLineIsRefusedWithoutEchoingIt(FetchMojo mojo) {
        when(mojo.session.getUserProperties()).thenReturn(properties("kaltura.adminSecret", "cli-secret-value"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("-Dkaltura.adminSecret")
                .hasMessageContaining("<id>course-kaltura</id>")
                .hasMessageNotContaining("cli-secret-value");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void secretsInThePomAreRefused(FetchMojo mojo) {
        mojo.ks = "pom-ks-value";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("'ks'").hasMessageNotContaining("pom-ks-value");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-configured/pom.xml")
    void offlineFailsClearlyNamingTheCommandLinesServiceUrl(FetchMojo mojo) {
        when(mojo.session.isOffline()).thenReturn(true);
        when(mojo.session.getUserProperties()).thenReturn(properties("kaltura.serviceUrl", "http://127.0.0.1:7"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("offline (-o)")
                .hasMessageContaining("http://127.0.0.1:7")
                .hasMessageContaining("kaltura-report:check");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void missingCredentialsSayWhereTheyGo(FetchMojo mojo) {
        mojo.environment = Map.of();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("No Kaltura credentials found");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void badNumbersAndDurationsNameTheParameterAndThePropertyBeforeAnyRequest(FetchMojo mojo) {
        // Port 9 (discard) is never contacted: the settings fail first.
        mojo.serviceUrl = "http://127.0.0.1:9";
        mojo.environment = Map.of("KALTURA_PARTNER_ID", "1000", "KALTURA_ADMIN_SECRET", "not-used-secret");
        mojo.concurrency = "many";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Invalid concurrency 'many': use a whole number of at least 1.")
                .hasMessageContaining("-Dkaltura.concurrency");

        mojo.concurrency = null;
        when(mojo.session.getUserProperties()).thenReturn(properties("kaltura.responseTimeout", "10 minutes"));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Invalid responseTimeout '10 minutes'").hasMessageContaining("PT30S")
                .hasMessageContaining("<responseTimeout>");
    }

    @Test
    @InjectMojo(goal = "fetch", pom = "src/test/projects/fetch-default/pom.xml")
    void aMissingPartnerIdSaysWhereItGoesInMavensWords(FetchMojo mojo) {
        // Port 9 (discard) is never contacted: the settings fail first.
        mojo.serviceUrl = "http://127.0.0.1:9";
        mojo.environment = Map.of("KALTURA_ADMIN_SECRET", "not-used-secret");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("No partnerId: an admin secret or an app token needs the partner id (settings.xml server"
                        + " username, KALTURA_PARTNER_ID, or partnerId). [POM: <partnerId>, command line:"
                        + " -Dkaltura.partnerId]");
    }

    static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
