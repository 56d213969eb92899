package io.github.kalturareport.maven;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.config.SettingParser;
import io.github.kalturareport.core.fetch.FetchResult;
import io.github.kalturareport.core.fetch.FetchSettings;
import io.github.kalturareport.core.fetch.ProxySettings;
import io.github.kalturareport.core.fetch.ReportFetcher;
import io.github.kalturareport.core.fetch.ReportSummary;
import io.github.kalturareport.core.report.PersonalData;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

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
public class FetchMojo extends FetchParameters {

    @Override
    void run() throws KalturaReportException, MojoExecutionException {
        SecretGuard.refuse(adminSecret, ks, appToken, serverId);
        validateRules();
        if (simulator) {
            try (BuiltInSimulator simulated = BuiltInSimulator.start(simulatorSeed)) {
                getLog().warn("SIMULATED DATA: fetching from the built-in Kaltura API simulator at "
                        + simulated.baseUrl() + " (simulator=true), not from Kaltura; serviceUrl, reportsServiceUrl,"
                        + " region, partnerId and your credentials are not used.");
                // The simulator knows only its own partner.
                fetch(simulated.baseUrl(), simulated.baseUrl(), null, simulated.credentials(), null);
            }
            getLog().warn("SIMULATED DATA: the reports above come from the built-in simulator and are made up.");
            return;
        }
        if (session != null && session.isOffline()) {
            throw new MojoExecutionException("Maven is offline (-o), and kaltura-report:fetch needs the network to"
                    + " download reports from " + (isSet(serviceUrl) ? serviceUrl : "the Kaltura API") + ". Run"
                    + " without -o, or run only kaltura-report:check, which works offline on files fetched earlier.");
        }
        ResolvedCredentials credentials = new CredentialsResolver(settingsOrNull(), settingsDecrypter, environment)
                .resolve(serverId);
        fetch(serviceUrl, reportsServiceUrl, partnerId, credentials,
                MavenProxies.forProtocol(settingsOrNull(), settingsDecrypter, MavenProxies.protocolOf(serviceUrl)));
    }

    private void fetch(String url, String reportsUrl, String partner, ResolvedCredentials credentials,
            ProxySettings proxy) throws KalturaReportException, MojoExecutionException {
        getLog().info("Kaltura credentials from " + credentials.source());
        PseudonymKey key = PseudonymKey.ifNeeded(personalData, personalColumns, reports, settingsOrNull(),
                settingsDecrypter, environment);
        ArchiveSetting archived = ArchiveSetting.credentials(archive, archiveServerId, settingsOrNull(),
                settingsDecrypter, environment);
        FetchSettings settings = options(url, reportsUrl, isSet(partner) ? partner : credentials.partnerId())
                .credentials(credentials.credentials())
                .proxy(proxy)
                .pseudonymKey(key.bytes())
                .archiveCredentials(archived.user(), archived.password())
                .build();
        key.log(getLog());
        archived.log(getLog());
        getLog().debug("Fetch settings: " + settings);
        FetchResult result = ReportFetcher.fetch(settings, new MavenFetchListener(getLog(), basedir(),
                System::nanoTime));
        if (attach && project != null && projectHelper != null) {
            for (ReportSummary summary : result.reports()) {
                projectHelper.attachArtifact(project, "csv", classifier(summary.report()), summary.file().toFile());
            }
        }
        getLog().info("Fetched " + result.reports().size() + (result.reports().size() == 1 ? " report" : " reports")
                + " into " + MavenFetchListener.relative(outputDirectory, basedir()));
    }

    /** The parameters as the core's text settings; the core parses and checks them all before any request. */
    private FetchOptions options(String url, String reportsUrl, String partner) {
        FetchOptions options = new FetchOptions()
                .serviceUrl(url)
                .reportsServiceUrl(reportsUrl)
                .reportTimeout(reportTimeout)
                .region(region)
                .partnerId(partner)
                .reports(reports)
                .from(from)
                .to(to)
                .timeZone(timeZone)
                .filter("entryIds", entryIds)
                .filter("virtualEventIds", virtualEventIds)
                .filter("userIds", userIds)
                .filter("cuePointIds", cuePointIds)
                .filter("parentEntryIds", parentEntryIds)
                .outputDirectory(outputDirectory == null ? null : outputDirectory.toPath())
                .descriptiveHeaders(descriptiveHeaders)
                .lenient(lenient)
                .personalData(personalData)
                .personalColumns(personalColumns)
                .concurrency(concurrency)
                .maxRetries(maxRetries)
                .rowCap(rowCap)
                .connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .archive(archive, basedir() == null ? null : basedir().toPath()).lookback(lookback)
                .vocabulary(vocabulary());
        // from/to override the period; its default must not clash, nor stand for a range given with an archive.
        if (!isSet(from) && !isSet(to)
                && (!isSet(archive) || ArchiveSetting.periodGiven(mojoExecution, session, project))) {
            options.period(period);
        }
        return options;
    }

    /** The check's rules, if given here too, fail now with the check's messages (and on a dropped column). */
    private void validateRules() throws KalturaReportException {
        if (isSet(rules) || thresholds != null && !thresholds.isEmpty()) {
            PersonalData personal = SettingParser.personalData(personalData, personalColumns);
            boolean drops = personal.mode() == PersonalData.Mode.DROP
                    || personal.columns().containsValue(Optional.of(PersonalData.Mode.DROP));
            CheckSettings.builder().inputDirectory(outputDirectory == null ? null : outputDirectory.toPath())
                    .thresholds(ThresholdSpec.toThresholds(thresholds)).rules(rules).vocabulary(vocabulary())
                    .personalData(drops ? personal : PersonalData.KEEP).build();
        }
    }

    /** The classifier a report's CSV is attached with. */
    static String classifier(ReportDefinition report) {
        return "kaltura-" + report.name();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
