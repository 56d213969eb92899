package io.github.kalturareport.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters of the {@code fetch} goal, as Maven binds them; {@link FetchMojo} is what it does with them. Kept
 * apart so that each parameter's documentation (the help goal and the site show it) does not bury the goal's work.
 */
abstract class FetchParameters extends KalturaMojo {


    /**
     * The Kaltura API base URL, without {@code /api_v3}, e.g. {@code http://127.0.0.1:8080} for the simulator or a
     * self-hosted install. When unset, the URL of {@code region} is used.
     */
    @Parameter(property = PropertyNames.SERVICE_URL)
    String serviceUrl;

    /**
     * The base URL of Kaltura's Reports microservice, which makes chatTranscripts, chatModeration, pollsActivity
     * and chatActivity. When unset, the region's where known (US: {@code https://reports.nvp1.ovp.kaltura.com});
     * with {@code serviceUrl} set, or another region, it must be given to fetch those reports.
     */
    @Parameter(property = PropertyNames.REPORTS_SERVICE_URL)
    String reportsServiceUrl;

    /**
     * How long a Reports microservice report may take to be made, polled until then: an ISO-8601 duration
     * ({@code PT30M}) or seconds. When unset, the core's default (30 minutes).
     */
    @Parameter(property = PropertyNames.REPORT_TIMEOUT)
    String reportTimeout;

    /** The Kaltura region whose API to call when {@code serviceUrl} is unset: US, EU, DE, SG, CA or AU. */
    @Parameter(property = PropertyNames.REGION, defaultValue = "US")
    String region;

    /**
     * The Kaltura partner id. When unset it comes with the credentials: the settings.xml server's
     * {@code <username>}, else the environment variable {@code KALTURA_PARTNER_ID}.
     */
    @Parameter(property = PropertyNames.PARTNER_ID)
    String partnerId;

    /**
     * The id of the settings.xml {@code <server>} that holds the credentials: {@code <username>} is the partner id,
     * {@code <password>} the admin secret (Maven-encrypted passwords work).
     */
    @Parameter(property = PropertyNames.SERVER_ID, defaultValue = "kaltura")
    String serverId;

    /**
     * The reports to fetch, comma-separated: {@code rooms}, {@code attendees}, {@code breakouts}, or a report id
     * (6000, 6001, 6002, or any other positive integer for a custom report, saved as {@code report-<id>.csv}).
     */
    @Parameter(property = PropertyNames.REPORTS, defaultValue = "rooms,attendees,breakouts")
    String reports;

    /**
     * The time range ending now: {@code LAST_7_DAYS}, {@code LAST_30_DAYS}, {@code LAST_120_DAYS},
     * {@code LAST_365_DAYS}, or an ISO-8601 duration such as {@code P14D}. Ignored when {@code from} or {@code to}
     * is set.
     */
    @Parameter(property = PropertyNames.PERIOD, defaultValue = "LAST_30_DAYS")
    String period;

    /** The start of the range: an ISO date ({@code 2025-04-21}) or date-time. Overrides {@code period}. */
    @Parameter(property = PropertyNames.FROM)
    String from;

    /**
     * The end of the range: an ISO date (inclusive of its whole day) or date-time. Overrides {@code period}; when
     * unset with {@code from} set, the range ends now.
     */
    @Parameter(property = PropertyNames.TO)
    String to;

    /** The time zone of {@code from}, {@code to} and the period presets, e.g. {@code Europe/Berlin}. */
    @Parameter(property = PropertyNames.TIME_ZONE, defaultValue = "UTC")
    String timeZone;

    /** Only these entry (room) ids, comma-separated. Reports: rooms, attendees. */
    @Parameter(property = PropertyNames.ENTRY_IDS)
    String entryIds;

    /** Only these virtual event ids, comma-separated. Reports: rooms, attendees, breakouts. */
    @Parameter(property = PropertyNames.VIRTUAL_EVENT_IDS)
    String virtualEventIds;

    /** Only these user ids, comma-separated. Report: attendees. */
    @Parameter(property = PropertyNames.USER_IDS)
    String userIds;

    /** Only these session (cue point) ids, comma-separated. Report: attendees. */
    @Parameter(property = PropertyNames.CUE_POINT_IDS)
    String cuePointIds;

    /** Only the breakouts of these main-room entry ids, comma-separated. Report: breakouts. */
    @Parameter(property = PropertyNames.PARENT_ENTRY_IDS)
    String parentEntryIds;

    /** Where the CSV files and {@code manifest.json} are written (and where {@code check} reads them). */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/kaltura-reports")
    File outputDirectory;

    /**
     * Save the CSVs with friendly column names and ISO-8601 times, as the Kaltura dashboard's export offers,
     * instead of the server's column names and Unix seconds.
     */
    @Parameter(property = PropertyNames.DESCRIPTIVE_HEADERS, defaultValue = "false")
    boolean descriptiveHeaders;

    /** Attach each CSV to the project (type {@code csv}, classifier {@code kaltura-<name>}), so install and deploy publish it. */
    @Parameter(property = PropertyNames.ATTACH, defaultValue = "true")
    boolean attach;

    /** Report data problems (e.g. a value out of range) as warnings instead of failing the fetch. */
    @Parameter(property = PropertyNames.LENIENT, defaultValue = "false")
    boolean lenient;

    /**
     * What happens to personal data (README, Personal data): {@code keep} (saved as Kaltura sends it),
     * {@code pseudonymize} (each value becomes {@code p_} and 16 hex characters of an HMAC-SHA256 with the key of
     * the settings.xml {@code <server>} {@code kaltura-pseudonym}, else the environment variable
     * {@code KALTURA_PSEUDONYM_KEY}; at least 16 bytes) or {@code drop} (asked of Kaltura as
     * {@code excludedFields}: it never leaves Kaltura). Give {@code check} the same value.
     */
    @Parameter(property = PropertyNames.PERSONAL_DATA, defaultValue = "keep")
    String personalData;

    /**
     * Columns with their own mode, comma-separated: {@code column=keep|pseudonymize|drop}, e.g.
     * {@code user_type=keep,user_email=drop}; a bare {@code column} is personal with the {@code personalData}
     * mode, which is how a custom report's personal columns are named. Give {@code check} the same value.
     */
    @Parameter(property = PropertyNames.PERSONAL_COLUMNS)
    String personalColumns;

    /**
     * The check's rules, when the plugin's configuration gives them to both goals: the fetch does not evaluate them,
     * but when it drops a column it refuses, before any request, a rule that names one.
     */
    @Parameter(property = PropertyNames.RULES)
    String rules;

    /** The check's structured thresholds, read like {@code rules} (see {@code check}). */
    @Parameter
    List<ThresholdSpec> thresholds;

    /**
     * The archive the reports are also loaded into (README, Archive; docs/archive.md): a SQLite file (a path, or
     * {@code jdbc:sqlite:FILE}) or a PostgreSQL database ({@code jdbc:postgresql://HOST[:PORT]/DATABASE}, its user
     * and password from the settings.xml {@code <server>} {@code archiveServerId}, else the environment variables
     * {@code KALTURA_ARCHIVE_USER} and {@code KALTURA_ARCHIVE_PASSWORD}). With an archive and no {@code period},
     * {@code from} or {@code to}, a run fetches from the archive's watermark minus {@code lookback} up to now.
     */
    @Parameter(property = PropertyNames.ARCHIVE)
    String archive;

    /** With an archive and no range given, how far before its watermark a run starts: an ISO-8601 duration. */
    @Parameter(property = PropertyNames.LOOKBACK, defaultValue = "P1D")
    String lookback;

    /** The settings.xml {@code <server>} holding a PostgreSQL archive's user and password. */
    @Parameter(property = PropertyNames.ARCHIVE_SERVER_ID, defaultValue = ArchiveSetting.DEFAULT_SERVER_ID)
    String archiveServerId;

    /** How many requests may run at once. When unset, the core's default. */
    @Parameter(property = PropertyNames.CONCURRENCY)
    String concurrency;

    /** How often a failed request (a 5xx, a 429, a cut connection) is retried before the fetch fails. When unset, the core's default. */
    @Parameter(property = PropertyNames.MAX_RETRIES)
    String maxRetries;

    /** The connect timeout: an ISO-8601 duration ({@code PT10S}) or seconds. When unset, the core's default. */
    @Parameter(property = PropertyNames.CONNECT_TIMEOUT)
    String connectTimeout;

    /** How long to wait for a response: an ISO-8601 duration ({@code PT10M}) or seconds. When unset, the core's default. */
    @Parameter(property = PropertyNames.RESPONSE_TIMEOUT)
    String responseTimeout;

    /**
     * The most rows the server returns per call (Kaltura: 100,000); a call that returns this many is split into
     * smaller windows. Change it only for a server with another cap, such as the simulator's {@code --row-cap}.
     */
    @Parameter(property = PropertyNames.ROW_CAP)
    String rowCap;

    /**
     * A dry run against the built-in Kaltura API simulator, no account needed: the fetch starts the simulator
     * in-process on 127.0.0.1 and a free port, downloads its made-up data with the simulator's own partner and
     * secret, and stops it. {@code serviceUrl}, {@code region}, {@code partnerId}, the proxy and the settings.xml
     * and environment credentials are not used; every other parameter works as for a real fetch. A secret given
     * in the POM or on the command line is still refused.
     */
    @Parameter(property = PropertyNames.SIMULATOR, defaultValue = "false")
    boolean simulator;

    /**
     * The seed of the built-in simulator's data, a whole number (with {@code simulator=true}): the same seed gives
     * the same reports. When unset, the simulator's default (42).
     */
    @Parameter(property = PropertyNames.SIMULATOR_SEED)
    String simulatorSeed;

    /**
     * Refused: an admin secret never goes in the POM or on the command line. Put it in settings.xml (see
     * {@code serverId}) or the environment variable {@code KALTURA_ADMIN_SECRET}.
     */
    @Parameter(property = PropertyNames.ADMIN_SECRET)
    String adminSecret;

    /** Refused: a KS never goes in the POM or on the command line. Use the environment variable {@code KALTURA_KS}. */
    @Parameter(property = PropertyNames.KS)
    String ks;

    /**
     * Refused: an app token never goes in the POM or on the command line. Use the environment variables
     * {@code KALTURA_APP_TOKEN_ID} and {@code KALTURA_APP_TOKEN}.
     */
    @Parameter(property = PropertyNames.APP_TOKEN)
    String appToken;

    @Component
    MavenProjectHelper projectHelper;

    @Component
    SettingsDecrypter settingsDecrypter;
}
