package io.github.kalturareport.core.config;

import static io.github.kalturareport.core.config.SettingParser.blankToNull;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.Vocabulary;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.DateRange;
import io.github.kalturareport.core.fetch.Endpoint;
import io.github.kalturareport.core.fetch.FetchSettings;
import io.github.kalturareport.core.fetch.Limits;
import io.github.kalturareport.core.fetch.OutputSettings;
import io.github.kalturareport.core.fetch.ProxySettings;
import io.github.kalturareport.core.fetch.ReportQuery;
import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.Region;
import io.github.kalturareport.core.report.ReportDefinition;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fetch settings as a front end receives them: text as the user typed it (null or blank = not set = the
 * default), plus the values a front end already holds typed. {@link #build()} parses the text with
 * {@link SettingParser} and returns validated {@link FetchSettings}; every problem is a
 * {@link ConfigurationException} naming the setting.
 */
public final class FetchOptions {

    private String serviceUrl;
    private String reportsServiceUrl;
    private String reportTimeout;
    private String region;
    private String partnerId;
    private Credentials credentials;
    private String reports;
    private String period;
    private String from;
    private String to;
    private String timeZone;
    private final Map<String, String> filters = new LinkedHashMap<>();
    private final Map<String, List<String>> expectedColumns = new LinkedHashMap<>();
    private Path outputDirectory;
    private boolean descriptiveHeaders;
    private boolean lenient;
    private String concurrency;
    private String maxRetries;
    private String rowCap;
    private String connectTimeout;
    private String responseTimeout;
    private Duration retryBaseDelay = Limits.DEFAULT_RETRY_BASE_DELAY;
    private Duration retryMaxDelay = Limits.DEFAULT_RETRY_MAX_DELAY;
    private Duration sessionLifetime = Limits.DEFAULT_SESSION_LIFETIME;
    private ProxySettings proxy;
    private Path trustStore;
    private char[] trustStorePassword;
    private String personalData;
    private String personalColumns;
    private byte[] pseudonymKey;
    private String archive;
    private Path archiveBase;
    private String archiveUser;
    private char[] archivePassword;
    private String lookback;
    private Clock clock = Clock.systemUTC();
    private Vocabulary vocabulary = Vocabulary.LIBRARY;

    /** API base URL such as {@code https://www.kaltura.com} or {@code http://127.0.0.1:8080}; wins over region. */
    public FetchOptions serviceUrl(String value) {
        this.serviceUrl = blankToNull(value);
        return this;
    }

    /**
     * The Reports microservice's base URL, e.g. {@code https://reports.nvp1.ovp.kaltura.com}; default the region's
     * where known (US), none when serviceUrl is set. Needed only for chatTranscripts, chatModeration, pollsActivity
     * and chatActivity.
     */
    public FetchOptions reportsServiceUrl(String value) {
        this.reportsServiceUrl = blankToNull(value);
        return this;
    }

    /** How long a Reports microservice report may take: seconds or ISO-8601 ({@code "PT30M"}); default 30 min. */
    public FetchOptions reportTimeout(String value) {
        this.reportTimeout = blankToNull(value);
        return this;
    }

    /** US (default), EU, DE, SG, CA or AU. */
    public FetchOptions region(String value) {
        this.region = blankToNull(value);
        return this;
    }

    /** Needed for an admin secret or an app token; read from a ready KS when not set. */
    public FetchOptions partnerId(String value) {
        this.partnerId = blankToNull(value);
        return this;
    }

    public FetchOptions credentials(Credentials value) {
        this.credentials = value;
        return this;
    }

    /** Names or ids, comma-separated; default {@code rooms,attendees,breakouts}. */
    public FetchOptions reports(String csv) {
        this.reports = blankToNull(csv);
        return this;
    }

    /** A preset such as {@code LAST_7_DAYS} or an ISO-8601 duration; default {@code LAST_30_DAYS}. */
    public FetchOptions period(String value) {
        this.period = blankToNull(value);
        return this;
    }

    /** An ISO date or date-time; overrides the period. */
    public FetchOptions from(String value) {
        this.from = blankToNull(value);
        return this;
    }

    /** An ISO date (its whole day) or date-time; overrides the period, or ends it. */
    public FetchOptions to(String value) {
        this.to = blankToNull(value);
        return this;
    }

    /** A zone id such as {@code Europe/Paris}; default UTC. */
    public FetchOptions timeZone(String value) {
        this.timeZone = blankToNull(value);
        return this;
    }

    /**
     * A filter by name ({@code entryIds}, {@code virtualEventIds}, {@code userIds}, {@code cuePointIds},
     * {@code parentEntryIds}), its ids comma-separated; an unknown name fails in {@link #build()}.
     */
    public FetchOptions filter(String name, String csvValues) {
        String v = blankToNull(csvValues);
        if (v == null) {
            filters.remove(name);
        } else {
            filters.put(name, v);
        }
        return this;
    }

    /** Columns a custom report (name or id) must have; extra columns are kept with a warning. */
    public FetchOptions expectedColumns(String report, List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            expectedColumns.remove(report);
        } else {
            expectedColumns.put(report, columns);
        }
        return this;
    }

    public FetchOptions outputDirectory(Path value) {
        this.outputDirectory = value;
        return this;
    }

    public FetchOptions descriptiveHeaders(boolean value) {
        this.descriptiveHeaders = value;
        return this;
    }

    public FetchOptions lenient(boolean value) {
        this.lenient = value;
        return this;
    }

    /** Requests in flight at once, e.g. {@code "8"}; default 4. */
    public FetchOptions concurrency(String value) {
        this.concurrency = blankToNull(value);
        return this;
    }

    /** Retries per request, e.g. {@code "3"}; default 5. */
    public FetchOptions maxRetries(String value) {
        this.maxRetries = blankToNull(value);
        return this;
    }

    /** The server's row cap per call, e.g. {@code "500"}; default Kaltura's 100,000. */
    public FetchOptions rowCap(String value) {
        this.rowCap = blankToNull(value);
        return this;
    }

    /** Seconds ({@code "30"}) or ISO-8601 ({@code "PT30S"}); default 30 s. */
    public FetchOptions connectTimeout(String value) {
        this.connectTimeout = blankToNull(value);
        return this;
    }

    /** Seconds ({@code "630"}) or ISO-8601 ({@code "PT10M"}); default 630 s. */
    public FetchOptions responseTimeout(String value) {
        this.responseTimeout = blankToNull(value);
        return this;
    }

    /** The backoff between retries: the first delay and the longest; default 1 s and 60 s. */
    public FetchOptions retryDelays(Duration base, Duration max) {
        this.retryBaseDelay = base;
        this.retryMaxDelay = max;
        return this;
    }

    /** How long a KS made by the library lives; default 1 hour. */
    public FetchOptions sessionLifetime(Duration value) {
        this.sessionLifetime = value;
        return this;
    }

    /** Null for a direct connection. */
    public FetchOptions proxy(ProxySettings value) {
        this.proxy = value;
        return this;
    }

    /** Extra trusted certificates, PEM or PKCS#12 (with its password, else null). */
    public FetchOptions trustStore(Path path, char[] password) {
        this.trustStore = path;
        this.trustStorePassword = password == null ? null : password.clone();
        return this;
    }

    /** {@code keep} (default), {@code pseudonymize} or {@code drop}: what happens to personal columns. */
    public FetchOptions personalData(String value) {
        this.personalData = blankToNull(value);
        return this;
    }

    /**
     * Columns with their own mode, or a custom report's personal columns: {@code user_type=keep,user_email=drop};
     * a bare name takes the personalData mode.
     */
    public FetchOptions personalColumns(String value) {
        this.personalColumns = blankToNull(value);
        return this;
    }

    /** The pseudonym key's bytes (a secret, copied); needed for pseudonymize, at least 16 bytes. */
    public FetchOptions pseudonymKey(byte[] value) {
        this.pseudonymKey = value == null ? null : value.clone();
        return this;
    }

    /**
     * The archive (docs/archive.md): a JDBC URL ({@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://HOST/DB}) or a
     * path to a SQLite file; a relative path is resolved against {@code relativeTo} (null: the working directory).
     */
    public FetchOptions archive(String value, Path relativeTo) {
        this.archive = blankToNull(value);
        this.archiveBase = relativeTo;
        return this;
    }

    /** The archive's database user and password (PostgreSQL); the password is a secret, copied. */
    public FetchOptions archiveCredentials(String user, char[] password) {
        this.archiveUser = user;
        this.archivePassword = password == null ? null : password.clone();
        return this;
    }

    /** How far before the archive's watermark an incremental run starts: an ISO-8601 duration; default P1D. */
    public FetchOptions lookback(String value) {
        this.lookback = blankToNull(value);
        return this;
    }

    /** Where "now" comes from (for tests). */
    public FetchOptions clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** The front end's words for messages; default {@link Vocabulary#LIBRARY}. */
    public FetchOptions vocabulary(Vocabulary value) {
        this.vocabulary = value;
        return this;
    }

    /** Parses and validates everything. */
    public FetchSettings build() throws ConfigurationException {
        Clock now = clock == null ? Clock.systemUTC() : clock;
        Limits limits = limits();
        Endpoint endpoint = endpoint();
        FetchSettings.Builder settings = FetchSettings.builder();
        if (partnerId != null) {
            settings.partnerId(SettingParser.partnerId(partnerId));
        }
        return settings.endpoint(endpoint)
                .credentials(credentials)
                .query(query(now))
                .output(new OutputSettings(outputDirectory, descriptiveHeaders, lenient, archive(),
                        lookback == null ? null : SettingParser.duration("lookback", lookback)))
                .rangeGiven(period != null || from != null || to != null)
                .limits(limits)
                .personalData(SettingParser.personalData(personalData, personalColumns))
                .pseudonymKey(pseudonymKey)
                .clock(now)
                .vocabulary(vocabulary)
                .build();
    }

    private ArchiveLocation archive() throws ConfigurationException {
        return archive == null ? null
                : ArchiveLocation.parse(archive, archiveBase).withCredentials(archiveUser, archivePassword);
    }

    private Limits limits() throws ConfigurationException {
        Limits limits = Limits.DEFAULTS.withRetryDelays(retryBaseDelay, retryMaxDelay)
                .withSessionLifetime(sessionLifetime);
        if (concurrency != null) {
            limits = limits.withConcurrency(SettingParser.wholeNumber("concurrency", concurrency, 1));
        }
        if (maxRetries != null) {
            limits = limits.withMaxRetries(SettingParser.wholeNumber("maxRetries", maxRetries, 0));
        }
        if (rowCap != null) {
            limits = limits.withRowCap(SettingParser.wholeNumber("rowCap", rowCap, 1));
        }
        if (reportTimeout != null) {
            limits = limits.withReportTimeout(SettingParser.duration("reportTimeout", reportTimeout));
        }
        return limits;
    }

    private Endpoint endpoint() throws ConfigurationException {
        Duration connect = connectTimeout == null ? Endpoint.DEFAULT_CONNECT_TIMEOUT
                : SettingParser.duration("connectTimeout", connectTimeout);
        Duration response = responseTimeout == null ? Endpoint.DEFAULT_RESPONSE_TIMEOUT
                : SettingParser.duration("responseTimeout", responseTimeout);
        Region r = region == null ? Region.US : SettingParser.region(region);
        // A self-hosted or simulated server (serviceUrl) has no known microservice: it must be given.
        Endpoint base = serviceUrl != null ? Endpoint.of(SettingParser.serviceUrl(serviceUrl)) : Endpoint.of(r);
        if (reportsServiceUrl != null) {
            base = base.withReportsServiceUrl(SettingParser.url("reportsServiceUrl", reportsServiceUrl,
                    "https://reports.nvp1.ovp.kaltura.com"));
        }
        return base.withProxy(proxy).withTrustStore(trustStore, trustStorePassword)
                .withConnectTimeout(connect).withResponseTimeout(response);
    }

    private ReportQuery query(Clock now) throws ConfigurationException {
        List<ReportDefinition> reportList = reports == null ? ReportQuery.DEFAULT_REPORTS
                : SettingParser.reports(reports);
        ZoneId zone = timeZone == null ? ZoneId.of("UTC") : SettingParser.timeZone(timeZone);
        DateRange range = SettingParser.dateRange(period, from, to, zone, now);
        ReportQuery query = ReportQuery.of(reportList, range);
        for (Filter filter : Filter.values()) {
            String csv = filters.get(filter.parameter());
            if (csv != null) {
                query = query.withFilter(filter, SettingParser.ids(filter, csv));
            }
        }
        for (String name : filters.keySet()) {
            SettingParser.filter(name); // an unknown name fails here
        }
        for (Map.Entry<String, List<String>> e : expectedColumns.entrySet()) {
            query = query.withExpectedColumns(SettingParser.report("expectedColumns", e.getKey()), e.getValue());
        }
        return query;
    }
}
