package io.github.kalturareport.maven;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.check.RuleResult;
import io.github.kalturareport.core.check.Threshold;
import io.github.kalturareport.core.check.ThresholdChecker;
import io.github.kalturareport.core.check.output.CheckOutputs;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

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
public class CheckMojo extends AbstractMojo {

    /**
     * The threshold rules. Each {@code <threshold>} has {@code <report>}, {@code <metric>} (a column or an alias:
     * {@code engagement}, {@code uniqueUsers}, {@code viewTime}, {@code participants}, {@code duration}),
     * {@code <aggregate>} ({@code min}, {@code max}, {@code mean}, {@code sum}, {@code count}, {@code distinct},
     * {@code p<NN>}, or {@code each} for every row), optional {@code <groupBy>} (a column: the rule holds for each
     * group), optional {@code <where>} ({@code column=value}), {@code <minimum>} and/or {@code <maximum>} (inclusive;
     * ratios as {@code 0.6} or {@code 60%}), {@code <severity>} ({@code error}, the default, or {@code warning}),
     * optional {@code <onEmpty>} and optional {@code <name>}.
     */
    @Parameter
    List<ThresholdSpec> thresholds;

    /**
     * One-line rules separated by {@code ;}, added to {@code thresholds}:
     * {@code REPORT:AGG(METRIC) [by COLUMN] [where COLUMN=VALUE] OP NUMBER[%]} with OP one of
     * {@code >= > <= < ==}, e.g. {@code attendees:mean(engagement) >= 60%; rooms:min(uniqueUsers) by entry_id >= 5}.
     */
    @Parameter(property = "kaltura.rules")
    String rules;

    /**
     * Where the fetched CSV files are. The same property as fetch's {@code outputDirectory}, so one {@code -D}
     * moves both. The check's files go to its {@code check} subdirectory.
     */
    @Parameter(property = "kaltura.outputDirectory", defaultValue = "${project.build.directory}/kaltura-reports")
    File inputDirectory;

    /**
     * {@code false}: report breaches (and input the check cannot read) in the log and the files, but never fail the
     * build for them. A bad rule or parameter fails the build all the same.
     */
    @Parameter(property = "kaltura.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    /** The time zone used to show times in the summaries, e.g. {@code Europe/Berlin}. */
    @Parameter(property = "kaltura.timeZone", defaultValue = "UTC")
    String timeZone;

    /** Do nothing, even with missing or broken configuration. */
    @Parameter(property = "kaltura.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        UserPropertyOverrides cli = new UserPropertyOverrides(session == null ? null : session.getUserProperties());
        if (cli.flag("kaltura.skip", skip)) {
            getLog().info("Skipping kaltura-report:check (skip=true).");
            return;
        }
        boolean halt = cli.flag("kaltura.haltOnFailure", haltOnFailure);
        File basedir = project == null ? null : project.getBasedir();
        CheckResult result;
        List<Path> files;
        try {
            CheckSettings settings = CheckSettings.builder()
                    .inputDirectory(path(cli.file("kaltura.outputDirectory", inputDirectory, basedir)))
                    .thresholds(thresholds())
                    .rules(cli.string("kaltura.rules", rules))
                    .timeZone(zone(cli.string("kaltura.timeZone", timeZone)))
                    .githubStepSummary(githubStepSummary())
                    .vocabulary(MavenVocabulary.INSTANCE)
                    .build();
            result = ThresholdChecker.check(settings, new MavenCheckListener(getLog()));
            files = CheckOutputs.writeAll(settings, result);
        } catch (ConfigurationException e) {
            // A bad rule or parameter is a setup mistake: it fails even with haltOnFailure=false, which forgives
            // breaches and unreadable input, because otherwise a typo would silently check nothing, forever.
            throw new MojoExecutionException(ParameterHint.message(e), e);
        } catch (KalturaReportException e) {
            String message = e.getMessage();
            if (!halt) {
                getLog().error(message);
                getLog().warn("kaltura-report:check could not run; haltOnFailure=false, so the build continues.");
                return;
            }
            throw new MojoExecutionException(message, e);
        }
        for (String line : CheckOutputs.consoleTable(result)) {
            getLog().info(line);
        }
        for (RuleResult warning : result.warnings()) {
            getLog().warn(warning.message());
        }
        for (RuleResult error : result.errors()) {
            getLog().error(error.message());
        }
        if (result.errors().isEmpty()) {
            getLog().info("All " + result.results().size() + " threshold checks passed"
                    + (result.warnings().isEmpty() ? "." : " or only warned (" + result.warnings().size() + ")."));
        } else if (!halt) {
            getLog().warn(breaches(result.errors().size()) + "; haltOnFailure=false, so the build continues.");
        }
        logWhereTheFilesAre(files, cli.file("kaltura.outputDirectory", inputDirectory, basedir));
        if (!result.errors().isEmpty() && halt) {
            throw new MojoFailureException(failureMessage(result.errors()));
        }
    }

    /**
     * The last lines a user reads: paths to open, relative to the directory Maven was started in (so
     * {@code mvn -f examples/demo verify} shows {@code examples/demo/target/...}), or absolute outside it.
     */
    private void logWhereTheFilesAre(List<Path> files, File input) {
        if (input != null) {
            getLog().info("CSV files: " + openable(new File(input, "*.csv")));
        }
        for (Path file : files) {
            if (file.getFileName().toString().equals("report.html")) {
                getLog().info("Report:    " + openable(file.toFile())
                        + "  (open it in a browser; JUnit XML, summary.md and summary.json are next to it)");
            }
        }
    }

    private static String openable(File file) {
        String relative = MavenFetchListener.relative(file, new File(System.getProperty("user.dir")));
        return relative.startsWith("..") ? file.getAbsolutePath() : relative;
    }

    /** The build failure's text: the count, then each breach on its own line. */
    static String failureMessage(List<RuleResult> errors) {
        StringBuilder message = new StringBuilder(breaches(errors.size())).append(':');
        for (RuleResult error : errors) {
            message.append(System.lineSeparator()).append("  - ").append(error.message());
        }
        return message.toString();
    }

    private static String breaches(int count) {
        return count + (count == 1 ? " threshold breached" : " thresholds breached");
    }

    /** The POM's thresholds as the core takes them; a null entry stays null, so the core's message names it. */
    private List<Threshold> thresholds() {
        List<Threshold> list = new ArrayList<>();
        if (thresholds != null) {
            for (ThresholdSpec spec : thresholds) {
                list.add(spec == null ? null : spec.toThreshold());
            }
        }
        return list;
    }

    /** The zone summaries show times in; blank means UTC. Parsed here because the core takes a typed zone. */
    static ZoneId zone(String timeZone) throws ConfigurationException {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new ConfigurationException("timeZone", "Unknown timeZone '" + timeZone.strip()
                    + "': use a region id such as UTC, Europe/Berlin or America/New_York.");
        }
    }

    private Path githubStepSummary() {
        String value = environment.get("GITHUB_STEP_SUMMARY");
        return value == null || value.isBlank() ? null : Paths.get(value.trim());
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }
}
