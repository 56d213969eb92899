package io.github.kalturareport.maven;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.archive.ArchiveLocation;
import java.io.File;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The archive's PostgreSQL credentials (README, Archive): the settings.xml {@code <server>} named by
 * {@code archiveServerId} (default {@value #DEFAULT_SERVER_ID}; {@code <username>}, {@code <password>},
 * Maven-encrypted or not), else the environment variables {@value #USER_ENV} and {@value #PASSWORD_ENV}. Looked for
 * only for a {@code jdbc:postgresql:} archive. A secret: only where it came from is ever logged.
 */
final class ArchiveSetting {

    static final String DEFAULT_SERVER_ID = "kaltura-archive";
    static final String USER_ENV = "KALTURA_ARCHIVE_USER";
    static final String PASSWORD_ENV = "KALTURA_ARCHIVE_PASSWORD";

    private static final ArchiveSetting NONE = new ArchiveSetting(null, null, null);

    private final String user;
    private final char[] password;
    private final String source;

    private ArchiveSetting(String user, char[] password, String source) {
        this.user = user;
        this.password = password;
        this.source = source;
    }

    /** The credentials of a PostgreSQL archive; none for a SQLite file, no archive, or when no source has any. */
    static ArchiveSetting credentials(String archive, String serverId, Settings settings, SettingsDecrypter decrypter,
            Map<String, String> environment) throws MojoExecutionException {
        if (blank(archive) || !archive.trim().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            return NONE;
        }
        String id = blank(serverId) ? DEFAULT_SERVER_ID : serverId.trim();
        Server server = settings == null ? null : settings.getServer(id);
        if (server != null) {
            Server plain = ServerDecryption.decrypt(server, decrypter, "the archive's password, the password of the"
                    + " settings.xml <server> '" + id + "'", "the password");
            return new ArchiveSetting(plain.getUsername(), chars(plain.getPassword()), "settings.xml server '" + id
                    + "'");
        }
        String envUser = environment.get(USER_ENV);
        String envPassword = environment.get(PASSWORD_ENV);
        if (!blank(envUser) || !blank(envPassword)) {
            return new ArchiveSetting(envUser, chars(envPassword), "environment variables " + USER_ENV + " and "
                    + PASSWORD_ENV);
        }
        return NONE;
    }

    /**
     * Whether the user gave {@code period} (in the POM or as {@code -Dkaltura.period}), rather than its default: with
     * an archive and no range given, the archive's watermark decides the range.
     */
    static boolean periodGiven(MojoExecution execution, MavenSession session, MavenProject project) {
        if (session != null && session.getUserProperties().containsKey(PropertyNames.PERIOD)
                || project != null && project.getProperties().containsKey(PropertyNames.PERIOD)) {
            return true;
        }
        Xpp3Dom configuration = execution == null ? null : execution.getConfiguration();
        Xpp3Dom period = configuration == null ? null : configuration.getChild("period");
        return period != null && period.getValue() != null
                && !period.getValue().equals("${" + PropertyNames.PERIOD + "}");
    }

    String user() {
        return user;
    }

    /** A copy of the password, or null. */
    char[] password() {
        return password == null ? null : password.clone();
    }

    /** Says where the credentials came from, never the password. */
    /** The check's archive with its credentials, or null without one. */
    static ArchiveLocation location(String archive, String serverId, Settings settings, SettingsDecrypter decrypter,
            Map<String, String> environment, File basedir, Log log)
            throws KalturaReportException, MojoExecutionException {
        if (blank(archive)) {
            return null;
        }
        ArchiveSetting credentials = credentials(archive, serverId, settings, decrypter, environment);
        credentials.log(log);
        return ArchiveLocation.parse(archive, basedir == null ? null : basedir.toPath())
                .withCredentials(credentials.user(), credentials.password());
    }

    void log(Log log) {
        if (source != null) {
            log.info("Archive credentials from " + source);
        }
    }

    private static char[] chars(String value) {
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "ArchiveSetting[" + (source == null ? "no credentials" : "user " + user + " from " + source
                + (password == null ? "" : ", password hidden")) + "]";
    }
}
