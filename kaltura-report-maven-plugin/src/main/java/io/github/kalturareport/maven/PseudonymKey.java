package io.github.kalturareport.maven;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.config.SettingParser;
import io.github.kalturareport.core.fetch.ReportQuery;
import io.github.kalturareport.core.report.PersonalData;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The pseudonym key (README, Personal data), looked for only when a column is pseudonymised: the settings.xml
 * {@code <server>} {@code kaltura-pseudonym}'s {@code <password>} (Maven-encrypted or not), else the environment
 * variable {@code KALTURA_PSEUDONYM_KEY}. A secret: only where it came from is ever logged.
 */
final class PseudonymKey {

    static final String SERVER_ID = "kaltura-pseudonym";
    static final String ENV = "KALTURA_PSEUDONYM_KEY";

    private static final PseudonymKey NONE = new PseudonymKey(null, null);

    private final byte[] bytes;
    private final String source;

    private PseudonymKey(byte[] bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    /**
     * The key when the settings pseudonymise a column of the reports; none otherwise, or when no source has one
     * (the core then says what is missing). Unparseable settings give none: the core reports them.
     */
    static PseudonymKey ifNeeded(String personalData, String personalColumns, String reports, Settings settings,
            SettingsDecrypter decrypter, Map<String, String> environment) throws MojoExecutionException {
        try {
            PersonalData personal = SettingParser.personalData(personalData, personalColumns);
            if (!personal.pseudonymizes(reports == null || reports.isBlank() ? ReportQuery.DEFAULT_REPORTS
                    : SettingParser.reports(reports))) {
                return NONE;
            }
        } catch (ConfigurationException reportedByTheCore) {
            return NONE;
        }
        Server server = settings == null ? null : settings.getServer(SERVER_ID);
        if (server != null) {
            String password = ServerDecryption.decrypt(server, decrypter,
                    "the pseudonym key, the password of the settings.xml <server> '" + SERVER_ID + "'", "the key")
                    .getPassword();
            if (password != null && !password.isEmpty()) {
                return new PseudonymKey(password.getBytes(StandardCharsets.UTF_8),
                        "settings.xml server '" + SERVER_ID + "'");
            }
        }
        String env = environment.get(ENV);
        if (env != null && !env.isEmpty()) {
            return new PseudonymKey(env.getBytes(StandardCharsets.UTF_8), "environment variable " + ENV);
        }
        return NONE;
    }

    /** The key's bytes (the core copies them), or null. */
    byte[] bytes() {
        return bytes;
    }

    /** Says where the key came from, never the key. */
    void log(Log log) {
        if (source != null) {
            log.info("Pseudonym key from " + source);
        }
    }

    @Override
    public String toString() {
        return "PseudonymKey[" + (source == null ? "none" : "from " + source + ", hidden") + "]";
    }
}
