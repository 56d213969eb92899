package io.github.kalturareport.maven;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.FetchSettings;
import io.github.kalturareport.core.fetch.ProxySettings;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.report.ReportDefinition;
import java.io.File;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Fetches Kaltura Rooms reports ({@code rooms} 6000, {@code attendees} 6001, {@code breakouts} 6002, or custom
 * report ids) over the Kaltura API v3 and saves each as a validated CSV file, with a {@code manifest.json}, in
 * {@code outputDirectory}. A file appears only when complete; a failed fetch leaves no partial file.
 *
 * <p>Credentials never go in the POM or on the command line: they come from the settings.xml {@code <server>}
 * named by {@code serverId} ({@code <username>} = partner id, {@code <password>} = admin secret, encrypted
 * passwords work), else from the environment variables {@code KALTURA_PARTNER_ID}, {@code KALTURA_ADMIN_SECRET},
 * {@code KALTURA_KS}, or {@code KALTURA_APP_TOKEN_ID} with {@code KALTURA_APP_TOKEN} (and optional
 * {@code KALTURA_APP_TOKEN_HASH_TYPE}). The active settings.xml proxy for the service URL's protocol is used.
 *
 * <p>With {@code simulator=true} it is a dry run against the built-in Kaltura API simulator: no account, made-up
 * data.
 *
 * <p>A {@code -D} user property given on the command line wins over the same parameter in the POM.
 * Configuration, network, API and data errors fail the build with a message that says what to fix.
 */
@Mojo(name = "fetch", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class FetchMojo extends AbstractMojo {

    /**
     * The Kaltura API base URL, without {@code /api_v3}, e.g. {@code http://127.0.0.1:8080} for the simulator or a
     * self-hosted install. When unset, the URL of {@code region} is used.
     */
    @Parameter(property = "kaltura.serviceUrl")
    String serviceUrl;

    /** The Kaltura region whose API to call when {@code serviceUrl} is unset: US, EU, DE, SG, CA or AU. */
    @Parameter(property = "kaltura.region", defaultValue = "US")
    String region;

    /**
     * The Kaltura partner id. When unset it comes with the credentials: the settings.xml server's
     * {@code <username>}, else the environment variable {@code KALTURA_PARTNER_ID}.
     */
    @Parameter(property = "kaltura.partnerId")
    String partnerId;

    /**
     * The id of the settings.xml {@code <server>} that holds the credentials: {@code <username>} is the partner id,
     * {@code <password>} the admin secret (Maven-encrypted passwords work).
     */
    @Parameter(property = "kaltura.serverId", defaultValue = "kaltura")
    String serverId;

    /**
     * The reports to fetch, comma-separated: {@code rooms}, {@code attendees}, {@code breakouts}, or a report id
     * (6000, 6001, 6002, or any other positive integer for a custom report, saved as {@code report-<id>.csv}).
     */
    @Parameter(property = "kaltura.reports", defaultValue = "rooms,attendees,breakouts")
    String reports;

    /**
     * The time range ending now: {@code LAST_7_DAYS}, {@code LAST_30_DAYS}, {@code LAST_120_DAYS},
     * {@code LAST_365_DAYS}, or an ISO-8601 duration such as {@code P14D}. Ignored when {@code from} or {@code to}
     * is set.
     */
    @Parameter(property = "kaltura.period", defaultValue = "LAST_30_DAYS")
    String period;

    /** The start of the range: an ISO date ({@code 2025-04-21}) or date-time. Overrides {@code period}. */
    @Parameter(property = "kaltura.from")
    String from;

    /**
     * The end of the range: an ISO date (inclusive of its whole day) or date-time. Overrides {@code period}; when
     * unset with {@code from} set, the range ends now.
     */
    @Parameter(property = "kaltura.to")
    String to;

    /** The time zone of {@code from}, {@code to} and the period presets, e.g. {@code Europe/Berlin}. */
    @Parameter(property = "kaltura.timeZone", defaultValue = "UTC")
    String timeZone;

    /** Only these entry (room) ids, comma-separated. Reports: rooms, attendees. */
    @Parameter(property = "kaltura.entryIds")
    String entryIds;

    /** Only these virtual event ids, comma-separated. Reports: rooms, attendees, breakouts. */
    @Parameter(property = "kaltura.virtualEventIds")
    String virtualEventIds;

    /** Only these user ids, comma-separated. Report: attendees. */
    @Parameter(property = "kaltura.userIds")
    String userIds;

    /** Only these session (cue point) ids, comma-separated. Report: attendees. */
    @Parameter(property = "kaltura.cuePointIds")
    String cuePointIds;

    /** Only the breakouts of these main-room entry ids, comma-separated. Report: breakouts. */
    @Parameter(property = "kaltura.parentEntryIds")
    String parentEntryIds;

    /** Where the CSV files and {@code manifest.json} are written (and where {@code check} reads them). */
    @Parameter(property = "kaltura.outputDirectory", defaultValue = "${project.build.directory}/kaltura-reports")
    File outputDirectory;

    /**
     * Save the CSVs with friendly column names and ISO-8601 times, as the Kaltura dashboard's export offers,
     * instead of the server's column names and Unix seconds.
     */
    @Parameter(property = "kaltura.descriptiveHeaders", defaultValue = "false")
    boolean descriptiveHeaders;

    /** Attach each CSV to the project (type {@code csv}, classifier {@code kaltura-<name>}), so install and deploy publish it. */
    @Parameter(property = "kaltura.attach", defaultValue = "true")
    boolean attach;

    /** Report data problems (e.g. a value out of range) as warnings instead of failing the fetch. */
    @Parameter(property = "kaltura.lenient", defaultValue = "false")
    boolean lenient;

    /** How many requests may run at once. When unset, the core's default. */
    @Parameter(property = "kaltura.concurrency")
    String concurrency;

    /** How often a failed request (a 5xx, a 429, a cut connection) is retried before the fetch fails. When unset, the core's default. */
    @Parameter(property = "kaltura.maxRetries")
    String maxRetries;

    /** The connect timeout: an ISO-8601 duration ({@code PT10S}) or seconds. When unset, the core's default. */
    @Parameter(property = "kaltura.connectTimeout")
    String connectTimeout;

    /** How long to wait for a response: an ISO-8601 duration ({@code PT10M}) or seconds. When unset, the core's default. */
    @Parameter(property = "kaltura.responseTimeout")
    String responseTimeout;

    /**
     * The most rows the server returns per call (Kaltura: 100,000); a call that returns this many is split into
     * smaller windows. Change it only for a server with another cap, such as the simulator's {@code --row-cap}.
     */
    @Parameter(property = "kaltura.rowCap")
    String rowCap;

    /** Do nothing, even with missing or broken configuration. */
    @Parameter(property = "kaltura.skip", defaultValue = "false")
    boolean skip;

    /**
     * A dry run against the built-in Kaltura API simulator, no account needed: the fetch starts the simulator
     * in-process on 127.0.0.1 and a free port, downloads its made-up data with the simulator's own partner and
     * secret, and stops it. {@code serviceUrl}, {@code region}, {@code partnerId}, the proxy and the settings.xml
     * and environment credentials are not used; every other parameter works as for a real fetch. A secret given
     * in the POM or on the command line is still refused.
     */
    @Parameter(property = "kaltura.simulator", defaultValue = "false")
    boolean simulator;

    /**
     * The seed of the built-in simulator's data, a whole number (with {@code simulator=true}): the same seed gives
     * the same reports. When unset, the simulator's default (42).
     */
    @Parameter(property = "kaltura.simulatorSeed")
    String simulatorSeed;

    /**
     * Refused: an admin secret never goes in the POM or on the command line. Put it in settings.xml (see
     * {@code serverId}) or the environment variable {@code KALTURA_ADMIN_SECRET}.
     */
    @Parameter(property = "kaltura.adminSecret")
    String adminSecret;

    /** Refused: a KS never goes in the POM or on the command line. Use the environment variable {@code KALTURA_KS}. */
    @Parameter(property = "kaltura.ks")
    String ks;

    /**
     * Refused: an app token never goes in the POM or on the command line. Use the environment variables
     * {@code KALTURA_APP_TOKEN_ID} and {@code KALTURA_APP_TOKEN}.
     */
    @Parameter(property = "kaltura.appToken")
    String appToken;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Component
    MavenProjectHelper projectHelper;

    @Component
    SettingsDecrypter settingsDecrypter;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public void execute() throws MojoExecutionException {
        UserPropertyOverrides cli = new UserPropertyOverrides(session == null ? null : session.getUserProperties());
        if (cli.flag("kaltura.skip", skip)) {
            getLog().info("Skipping kaltura-report:fetch (skip=true).");
            return;
        }
        String server = cli.string("kaltura.serverId", serverId);
        SecretGuard.refuse(cli.string("kaltura.adminSecret", adminSecret), cli.string("kaltura.ks", ks),
                cli.string("kaltura.appToken", appToken), server);
        if (cli.flag("kaltura.simulator", simulator)) {
            try (BuiltInSimulator simulated = BuiltInSimulator.start(cli.string("kaltura.simulatorSeed", simulatorSeed))) {
                getLog().warn("SIMULATED DATA: fetching from the built-in Kaltura API simulator at "
                        + simulated.baseUrl() + " (simulator=true), not from Kaltura; serviceUrl, region, partnerId"
                        + " and your credentials are not used.");
                fetch(cli, simulated.baseUrl(), simulated.credentials(), null, true);
            }
            getLog().warn("SIMULATED DATA: the reports above come from the built-in simulator and are made up.");
            return;
        }
        String url = cli.string("kaltura.serviceUrl", serviceUrl);
        if (session != null && session.isOffline()) {
            throw new MojoExecutionException("Maven is offline (-o), and kaltura-report:fetch needs the network to"
                    + " download reports from " + (isSet(url) ? url : "the Kaltura API") + ". Run without -o, or run"
                    + " only kaltura-report:check, which works offline on files fetched earlier.");
        }
        ResolvedCredentials credentials = new CredentialsResolver(session == null ? null : session.getSettings(),
                settingsDecrypter, environment).resolve(server);
        fetch(cli, url, credentials, MavenProxies.forProtocol(session == null ? null : session.getSettings(),
                settingsDecrypter, MavenProxies.protocolOf(url)), false);
    }

    private void fetch(UserPropertyOverrides cli, String url, ResolvedCredentials credentials, ProxySettings proxy,
            boolean simulated) throws MojoExecutionException {
        File basedir = project == null ? null : project.getBasedir();
        File output = cli.file("kaltura.outputDirectory", outputDirectory, basedir);
        getLog().info("Kaltura credentials from " + credentials.source());
        FetchSettings settings;
        try {
            settings = settings(cli, url, output, credentials, proxy, simulated);
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(ParameterHint.message(e), e);
        }
        getLog().debug("Fetch settings: " + settings);
        FetchResult result;
        try {
            result = ReportFetcher.fetch(settings, new MavenFetchListener(getLog(), basedir, System::nanoTime));
        } catch (KalturaReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (cli.flag("kaltura.attach", attach) && project != null && projectHelper != null) {
            for (ReportSummary summary : result.reports()) {
                projectHelper.attachArtifact(project, "csv", classifier(summary.report()), summary.file().toFile());
            }
        }
        getLog().info("Fetched " + result.reports().size() + (result.reports().size() == 1 ? " report" : " reports")
                + " into " + MavenFetchListener.relative(output, basedir));
    }

    /** The classifier a report's CSV is attached with. */
    static String classifier(ReportDefinition report) {
        return "kaltura-" + report.name();
    }

    private FetchSettings settings(UserPropertyOverrides cli, String url, File output,
            ResolvedCredentials credentials, ProxySettings proxy, boolean simulated) throws ConfigurationException {
        String fromValue = cli.string("kaltura.from", from);
        String toValue = cli.string("kaltura.to", to);
        // The simulator knows only its own partner.
        String partner = simulated ? null : cli.string("kaltura.partnerId", partnerId);
        FetchOptions options = new FetchOptions()
                .serviceUrl(url)
                .region(cli.string("kaltura.region", region))
                .partnerId(isSet(partner) ? partner : credentials.partnerId())
                .credentials(credentials.credentials())
                .reports(cli.string("kaltura.reports", reports))
                .from(fromValue)
                .to(toValue)
                .timeZone(cli.string("kaltura.timeZone", timeZone))
                .filter("entryIds", cli.string("kaltura.entryIds", entryIds))
                .filter("virtualEventIds", cli.string("kaltura.virtualEventIds", virtualEventIds))
                .filter("userIds", cli.string("kaltura.userIds", userIds))
                .filter("cuePointIds", cli.string("kaltura.cuePointIds", cuePointIds))
                .filter("parentEntryIds", cli.string("kaltura.parentEntryIds", parentEntryIds))
                .outputDirectory(output == null ? null : output.toPath())
                .descriptiveHeaders(cli.flag("kaltura.descriptiveHeaders", descriptiveHeaders))
                .lenient(cli.flag("kaltura.lenient", lenient))
                .concurrency(cli.string("kaltura.concurrency", concurrency))
                .maxRetries(cli.string("kaltura.maxRetries", maxRetries))
                .rowCap(cli.string("kaltura.rowCap", rowCap))
                .connectTimeout(cli.string("kaltura.connectTimeout", connectTimeout))
                .responseTimeout(cli.string("kaltura.responseTimeout", responseTimeout))
                .proxy(proxy)
                .vocabulary(MavenVocabulary.INSTANCE);
        // from/to override the period (README); the period's default must not clash with them.
        if (!isSet(fromValue) && !isSet(toValue)) {
            options.period(cli.string("kaltura.period", period));
        }
        return options.build();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
