package io.github.kalturareport.maven;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.Vocabulary;
import java.io.File;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal does around its one call into the core: {@code -D} wins over the POM, {@code skip}, and the
 * core's exceptions become Maven's, with the POM element and {@code -D} property of a rejected setting.
 */
abstract class KalturaMojo extends AbstractMojo {

    /** Do nothing, even with missing or broken configuration. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    private GoalParameters parameters;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        parameters = GoalParameters.of(mojoExecution);
        new UserPropertyOverrides(session == null ? null : session.getUserProperties())
                .applyTo(this, parameters, basedir());
        if (skip) {
            getLog().info("Skipping kaltura-report:" + parameters.goal() + " (skip=true).");
            return;
        }
        try {
            run();
        } catch (ConfigurationException e) {
            // A bad setting fails the build whatever else is configured: a typo must never pass unnoticed.
            throw new MojoExecutionException(ParameterHint.message(e, parameters), e);
        } catch (KalturaReportException e) {
            failed(e);
        }
    }

    /** The goal's work: parameters are final (the command line applied) and {@code skip} is false. */
    abstract void run() throws KalturaReportException, MojoExecutionException, MojoFailureException;

    /** A failure of the core other than a bad setting; fails the build unless the goal says otherwise. */
    void failed(KalturaReportException e) throws MojoExecutionException {
        throw new MojoExecutionException(e.getMessage(), e);
    }

    /** The plugin's words for the core's messages. */
    Vocabulary vocabulary() {
        return new MavenVocabulary(parameters);
    }

    /** Maven's settings (settings.xml), or null outside a session. */
    org.apache.maven.settings.Settings settingsOrNull() {
        return session == null ? null : session.getSettings();
    }

    /** The project's base directory, or null outside a project. */
    File basedir() {
        return project == null ? null : project.getBasedir();
    }
}
