package io.github.kalturareport.maven;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.check.ThresholdChecker;
import io.github.kalturareport.core.check.output.CheckOutputs;
import io.github.kalturareport.core.config.SettingParser;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Checks thresholds on reports fetched earlier (no network, so it works with {@code mvn -o}), logs every rule's
 * actual value, and writes {@code check/TEST-kaltura-thresholds.xml} (JUnit XML), {@code check/summary.md},
 * {@code check/summary.json} and {@code check/report.html} under {@code inputDirectory}. When the environment
 * variable {@code GITHUB_STEP_SUMMARY} is set, the Markdown summary is appended to that file.
 *
 * <p>A breached {@code error} rule fails the build, after all files are written, naming each breach; a breached
 * {@code warning} rule is logged as a warning. With {@code haltOnFailure=false} breaches and unreadable input never
 * fail the build; a bad rule or parameter still does, so a typo cannot silently disable the check.
 * A {@code -D} user property given on the command line wins over the same parameter in the POM.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends KalturaMojo {

    /**
     * The threshold rules. Each {@code <threshold>} has {@code <report>}, {@code <metric>} (a column or an alias:
     * {@code engagement}, {@code uniqueUsers}, {@code viewTime}, {@code participants}, {@code duration}),
     * {@code <aggregate>} ({@code min}, {@code max}, {@code mean}, {@code sum}, {@code count}, {@code distinct},
     * {@code p<NN>}, or {@code each} for every row), optional {@code <groupBy>} (a column: the rule holds for each
     * group), optional {@code <where>} ({@code column=value}), {@code <minimum>} and/or {@code <maximum>} (inclusive;
     * ratios as {@code 0.6} or {@code 60%}), {@code <severity>} ({@code error}, the default, or {@code warning}),
     * optional {@code <onEmpty>}, optional {@code <minRows>}, optional {@code <compareTo>previous</compareTo>} (the
     * bounds then judge the change since the previous run) and optional {@code <name>}.
     */
    @Parameter
    List<ThresholdSpec> thresholds;

    /**
     * One-line rules separated by {@code ;}, added to {@code thresholds}:
     * {@code REPORT:AGG(METRIC) [by COLUMN] [where COLUMN=VALUE] [when count >= N] [vs previous] OP NUMBER[%]}
     * with OP one of {@code >= > <= < ==}, e.g. {@code attendees:mean(engagement) >= 60%; rooms:min(uniqueUsers) by entry_id >= 5}.
     */
    @Parameter(property = PropertyNames.RULES)
    String rules;

    /**
     * Where the fetched CSV files are. The same property as fetch's {@code outputDirectory}, so one {@code -D}
     * moves both. The check's files go to its {@code check} subdirectory.
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/kaltura-reports")
    File inputDirectory;

    /**
     * {@code false}: report breaches (and input the check cannot read) in the log and the files, but never fail the
     * build for them. A bad rule or parameter fails the build all the same.
     */
    @Parameter(property = PropertyNames.HALT_ON_FAILURE, defaultValue = "true")
    boolean haltOnFailure;

    /**
     * What the fetch did with personal data, the same value as fetch's: a rule on a dropped column is refused
     * before anything is read. Whatever it is, no output shows a name or an unmasked e-mail address.
     */
    @Parameter(property = PropertyNames.PERSONAL_DATA, defaultValue = "keep")
    String personalData;

    /** The fetch's per-column modes and custom personal columns, the same value as fetch's. */
    @Parameter(property = PropertyNames.PERSONAL_COLUMNS)
    String personalColumns;

    /**
     * A previous check run's {@code summary.json} (e.g. downloaded from the last CI build): the previous values
     * that {@code vs previous} rules compare with and every output shows.
     */
    @Parameter(property = PropertyNames.BASELINE)
    File baseline;

    /**
     * The archive the check's results are recorded in, the same value as fetch's: a SQLite file or a
     * {@code jdbc:postgresql:} URL (credentials as for fetch, from {@code archiveServerId}).
     */
    @Parameter(property = PropertyNames.ARCHIVE)
    String archive;

    /** The settings.xml {@code <server>} holding a PostgreSQL archive's user and password, as fetch's. */
    @Parameter(property = PropertyNames.ARCHIVE_SERVER_ID, defaultValue = ArchiveSetting.DEFAULT_SERVER_ID)
    String archiveServerId;

    @Component
    SettingsDecrypter settingsDecrypter;

    /** The time zone used to show times in the summaries, e.g. {@code Europe/Berlin}. */
    @Parameter(property = PropertyNames.TIME_ZONE, defaultValue = "UTC")
    String timeZone;

    @Override
    void run() throws KalturaReportException, MojoExecutionException, MojoFailureException {
        CheckSettings settings = CheckSettings.builder()
                .inputDirectory(inputDirectory == null ? null : inputDirectory.toPath())
                .thresholds(ThresholdSpec.toThresholds(thresholds))
                .rules(rules)
                .timeZone(timeZone == null || timeZone.isBlank() ? null : SettingParser.timeZone(timeZone))
                .githubStepSummary(githubStepSummary())
                .personalData(SettingParser.personalData(personalData, personalColumns))
                .vocabulary(vocabulary())
                .baseline(baseline == null ? null : baseline.toPath())
                .archive(ArchiveSetting.location(archive, archiveServerId, settingsOrNull(), settingsDecrypter,
                        environment, basedir(), getLog()))
                .build();
        CheckResult result = ThresholdChecker.check(settings, new MavenCheckListener(getLog()));
        // Every file is written before the build may fail, so a red build still has its report.
        List<Path> files = CheckOutputs.writeAll(settings, result);
        CheckLog log = new CheckLog(getLog());
        log.outcome(result, haltOnFailure);
        log.whereTheFilesAre(inputDirectory, files);
        if (!result.errors().isEmpty() && haltOnFailure) {
            throw new MojoFailureException(CheckLog.failureMessage(result.errors()));
        }
    }

    /** Unreadable input fails the build unless {@code haltOnFailure=false}; a bad setting never gets here. */
    @Override
    void failed(KalturaReportException e) throws MojoExecutionException {
        if (haltOnFailure) {
            super.failed(e);
        }
        getLog().error(e.getMessage());
        getLog().warn("kaltura-report:check could not run; haltOnFailure=false, so the build continues.");
    }

    private Path githubStepSummary() {
        String value = environment.get("GITHUB_STEP_SUMMARY");
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }
}
