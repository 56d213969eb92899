package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.report.ReportDefinition;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything a fetch needs, validated in full by {@link Builder#build()} before any network call. Immutable.
 */
public final class FetchSettings {

    /** API base URL per region (KALTURA-PROTOCOL.md). */
    public static final Map<String, String> REGIONS;

    static {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("US", "https://www.kaltura.com");
        regions.put("EU", "https://api.eu.kaltura.com");
        regions.put("DE", "https://api.de.kaltura.com");
        regions.put("SG", "https://api.sg.kaltura.com");
        regions.put("CA", "https://api.ca.kaltura.com");
        regions.put("AU", "https://api.ap.kaltura.com");
        REGIONS = Collections.unmodifiableMap(regions);
    }

    /** Filter names in the order of CONTRACT.md. */
    public static final List<String> FILTER_NAMES = List.of(ReportDefinition.ENTRY_IDS,
            ReportDefinition.VIRTUAL_EVENT_IDS, ReportDefinition.USER_IDS, ReportDefinition.CUE_POINT_IDS,
            ReportDefinition.PARENT_ENTRY_IDS);

    /** The Kaltura server's row cap per call: a result of exactly this many rows may have been cut short. */
    public static final int KALTURA_ROW_CAP = 100_000;

    public static final String DEFAULT_REPORTS = "rooms,attendees,breakouts";
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** The server allows 600 s per report request; a little more so that its own timeout answers first. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(630);
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(1);

    private final URI serviceUrl;
    private final int partnerId;
    private final Credentials credentials;
    private final List<ReportDefinition> reports;
    private final DateRange range;
    private final Map<String, List<String>> filters;
    private final Path outputDirectory;
    private final boolean descriptiveHeaders;
    private final boolean lenient;
    private final int concurrency;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxRetries;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;
    private final ProxySettings proxy;
    private final Path trustStore;
    private final char[] trustStorePassword;
    private final Clock clock;
    private final Map<ReportDefinition, List<String>> expectedColumns;
    private final Duration sessionLifetime;
    private final int rowCap;

    private FetchSettings(Builder b, URI serviceUrl, int partnerId, List<ReportDefinition> reports, DateRange range,
            Map<String, List<String>> filters, Map<ReportDefinition, List<String>> expectedColumns) {
        this.serviceUrl = serviceUrl;
        this.partnerId = partnerId;
        this.credentials = b.credentials;
        this.reports = List.copyOf(reports);
        this.range = range;
        this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        this.outputDirectory = b.outputDirectory.toAbsolutePath().normalize();
        this.descriptiveHeaders = b.descriptiveHeaders;
        this.lenient = b.lenient;
        this.concurrency = b.concurrency;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxRetries = b.maxRetries;
        this.retryBaseDelay = b.retryBaseDelay;
        this.retryMaxDelay = b.retryMaxDelay;
        this.proxy = b.proxy;
        this.trustStore = b.trustStore;
        this.trustStorePassword = b.trustStorePassword == null ? null : b.trustStorePassword.clone();
        this.clock = b.clock;
        this.expectedColumns = Collections.unmodifiableMap(new LinkedHashMap<>(expectedColumns));
        this.sessionLifetime = b.sessionLifetime;
        this.rowCap = b.rowCap;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API base URL, without {@code /api_v3} and without a trailing slash. */
    public URI serviceUrl() {
        return serviceUrl;
    }

    /** The partner id; -1 when a ready KS was given without one and the KS does not tell. */
    public int partnerId() {
        return partnerId;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The reports to fetch, in the order asked for, without duplicates. */
    public List<ReportDefinition> reports() {
        return reports;
    }

    public DateRange range() {
        return range;
    }

    public ZoneId timeZone() {
        return range.zone();
    }

    /** Filter name (e.g. {@code entryIds}) to its values, only those set. */
    public Map<String, List<String>> filters() {
        return filters;
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    public boolean descriptiveHeaders() {
        return descriptiveHeaders;
    }

    public boolean lenient() {
        return lenient;
    }

    public int concurrency() {
        return concurrency;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryBaseDelay() {
        return retryBaseDelay;
    }

    public Duration retryMaxDelay() {
        return retryMaxDelay;
    }

    /** Null when no proxy is set. */
    public ProxySettings proxy() {
        return proxy;
    }

    /** Null when only the system trust store is used. */
    public Path trustStore() {
        return trustStore;
    }

    /** A copy; null when none was given. */
    public char[] trustStorePassword() {
        return trustStorePassword == null ? null : trustStorePassword.clone();
    }

    public Clock clock() {
        return clock;
    }

    /** The columns a user declared for custom reports; empty when none. */
    public List<String> expectedColumns(ReportDefinition report) {
        return expectedColumns.getOrDefault(report, List.of());
    }

    /** How long a KS made by the library lives before it is renewed. */
    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    /** The server's row cap per call. */
    public int rowCap() {
        return rowCap;
    }

    /**
     * The {@code params} key for a filter in a report: the catalogue's for a documented report; for a custom report
     * the key the documented reports use (Kaltura ignores keys a report does not know).
     */
    public static String paramsKey(ReportDefinition report, String filterName) {
        String key = report.filters().get(filterName);
        if (key != null || !report.isCustom()) {
            return key;
        }
        for (ReportDefinition documented : ReportDefinition.documented()) {
            key = documented.filters().get(filterName);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    /**
     * The {@code params} string of report.getCsvFromStringParams for one window: {@code key=value} pairs joined by
     * {@code ;}, dates in Unix seconds, the window's end inclusive.
     */
    public String params(ReportDefinition report, long fromSecond, long toSecond) {
        StringBuilder s = new StringBuilder();
        s.append(report.fromDateKey()).append('=').append(fromSecond);
        s.append(';').append(report.toDateKey()).append('=').append(toSecond);
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            s.append(';').append(paramsKey(report, f.getKey())).append('=').append(String.join(",", f.getValue()));
        }
        return s.toString();
    }

    /** For logs: every setting, no secret (credentials and proxy mask theirs; the trust store password is left out). */
    @Override
    public String toString() {
        return "FetchSettings[serviceUrl=" + serviceUrl + ", partnerId=" + partnerId + ", credentials=" + credentials
                + ", reports=" + reports + ", range=" + range.from() + ".." + range.to() + " (" + range.description()
                + ", " + range.zone() + "), filters=" + filters + ", outputDirectory=" + outputDirectory
                + ", descriptiveHeaders=" + descriptiveHeaders + ", lenient=" + lenient + ", concurrency="
                + concurrency + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", maxRetries=" + maxRetries + ", proxy=" + proxy + ", trustStore=" + trustStore
                + ", sessionLifetime=" + sessionLifetime + ", rowCap=" + rowCap + "]";
    }

    /** Collects settings as a user types them; {@link #build()} validates them all. */
    public static final class Builder {
        private String serviceUrl;
        private String region;
        private String partnerId;
        private Credentials credentials;
        private String reports;
        private String period;
        private String from;
        private String to;
        private String timeZone;
        private final Map<String, String> filters = new LinkedHashMap<>();
        private Path outputDirectory;
        private boolean descriptiveHeaders;
        private boolean lenient;
        private int concurrency = DEFAULT_CONCURRENCY;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBaseDelay = DEFAULT_RETRY_BASE_DELAY;
        private Duration retryMaxDelay = DEFAULT_RETRY_MAX_DELAY;
        private ProxySettings proxy;
        private Path trustStore;
        private char[] trustStorePassword;
        private Clock clock = Clock.systemUTC();
        private final Map<String, List<String>> expectedColumns = new LinkedHashMap<>();
        private Duration sessionLifetime = DEFAULT_SESSION_LIFETIME;
        private int rowCap = KALTURA_ROW_CAP;
        /** Numbers and durations as the user typed them, parsed by build(); a typed setter clears its text. */
        private final Map<String, String> typed = new LinkedHashMap<>();

        private Builder() {
        }

        /** API base URL such as {@code https://www.kaltura.com} or {@code http://127.0.0.1:8080}; wins over region. */
        public Builder serviceUrl(String value) {
            this.serviceUrl = blankToNull(value);
            return this;
        }

        /** US (default), EU, DE, SG, CA or AU. */
        public Builder region(String value) {
            this.region = blankToNull(value);
            return this;
        }

        public Builder partnerId(String value) {
            this.partnerId = blankToNull(value);
            return this;
        }

        public Builder credentials(Credentials value) {
            this.credentials = value;
            return this;
        }

        /** Names or ids, comma-separated; default {@code rooms,attendees,breakouts}. */
        public Builder reports(String csv) {
            this.reports = blankToNull(csv);
            return this;
        }

        public Builder period(String value) {
            this.period = blankToNull(value);
            return this;
        }

        public Builder from(String value) {
            this.from = blankToNull(value);
            return this;
        }

        public Builder to(String value) {
            this.to = blankToNull(value);
            return this;
        }

        /** A zone id such as {@code Europe/Paris}; default UTC. */
        public Builder timeZone(String value) {
            this.timeZone = blankToNull(value);
            return this;
        }

        /** A filter: {@code entryIds}, {@code virtualEventIds}, {@code userIds}, {@code cuePointIds}, {@code parentEntryIds}. */
        public Builder filter(String name, String csvValues) {
            String v = blankToNull(csvValues);
            if (v == null) {
                filters.remove(name);
            } else {
                filters.put(name, v);
            }
            return this;
        }

        public Builder outputDirectory(Path value) {
            this.outputDirectory = value;
            return this;
        }

        public Builder descriptiveHeaders(boolean value) {
            this.descriptiveHeaders = value;
            return this;
        }

        /** Keep rows that fail validation and report the problems as warnings instead of failing. */
        public Builder lenient(boolean value) {
            this.lenient = value;
            return this;
        }

        /** Requests in flight at once, over all reports and windows; default 4. */
        public Builder concurrency(int value) {
            this.concurrency = value;
            typed.remove("concurrency");
            return this;
        }

        /** {@link #concurrency(int)} as typed, e.g. {@code "8"}; checked by {@link #build()}; blank = not set. */
        public Builder concurrency(String value) {
            return typed("concurrency", value);
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            typed.remove("connectTimeout");
            return this;
        }

        /** {@link #connectTimeout(Duration)} as typed: seconds ({@code "30"}) or ISO-8601 ({@code "PT30S"}); blank = not set. */
        public Builder connectTimeout(String value) {
            return typed("connectTimeout", value);
        }

        /** The longest wait for data from the server; default 630 s (the server allows 600 s per report). */
        public Builder responseTimeout(Duration value) {
            this.responseTimeout = value;
            typed.remove("responseTimeout");
            return this;
        }

        /** {@link #responseTimeout(Duration)} as typed: seconds ({@code "630"}) or ISO-8601 ({@code "PT10M"}); blank = not set. */
        public Builder responseTimeout(String value) {
            return typed("responseTimeout", value);
        }

        /** Retries per request for transient failures; default 5. */
        public Builder maxRetries(int value) {
            this.maxRetries = value;
            typed.remove("maxRetries");
            return this;
        }

        /** {@link #maxRetries(int)} as typed, e.g. {@code "3"}; checked by {@link #build()}; blank = not set. */
        public Builder maxRetries(String value) {
            return typed("maxRetries", value);
        }

        /** The first retry's delay before jitter; doubles per attempt; default 1 s. */
        public Builder retryBaseDelay(Duration value) {
            this.retryBaseDelay = value;
            return this;
        }

        /** The longest delay between retries, also the cap on a server's Retry-After; default 60 s. */
        public Builder retryMaxDelay(Duration value) {
            this.retryMaxDelay = value;
            return this;
        }

        public Builder proxy(ProxySettings value) {
            this.proxy = value;
            return this;
        }

        /** Extra trusted certificates (PEM or PKCS#12), added to the system's, for a server behind a private CA. */
        public Builder trustStore(Path path, char[] password) {
            this.trustStore = path;
            this.trustStorePassword = password == null ? null : password.clone();
            return this;
        }

        /** The clock that "now" comes from, for the period's end and the KS's expiry (for tests). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Columns a custom report must have (extra columns are kept with a warning). */
        public Builder expectedColumns(String report, List<String> columns) {
            if (columns == null || columns.isEmpty()) {
                expectedColumns.remove(report);
            } else {
                expectedColumns.put(report, List.copyOf(columns));
            }
            return this;
        }

        /** How long a KS made by the library lives (it is renewed before it expires); default 1 hour. */
        public Builder sessionLifetime(Duration value) {
            this.sessionLifetime = value;
            return this;
        }

        /** The server's row cap per call; 100,000 for Kaltura. Change only for a server with another cap. */
        public Builder rowCap(int value) {
            this.rowCap = value;
            typed.remove("rowCap");
            return this;
        }

        /** {@link #rowCap(int)} as typed, e.g. {@code "500"}; checked by {@link #build()}; blank = not set. */
        public Builder rowCap(String value) {
            return typed("rowCap", value);
        }

        private Builder typed(String parameter, String value) {
            String v = blankToNull(value);
            if (v == null) {
                typed.remove(parameter);
            } else {
                typed.put(parameter, v.trim());
            }
            return this;
        }

        /** Parses the numbers and durations given as text into their typed fields. */
        private void parseTyped() throws ConfigurationException {
            for (Map.Entry<String, String> e : typed.entrySet()) {
                String text = e.getValue();
                switch (e.getKey()) {
                    case "concurrency" -> concurrency = wholeNumber("concurrency", text, 1);
                    case "maxRetries" -> maxRetries = wholeNumber("maxRetries", text, 0);
                    case "rowCap" -> rowCap = wholeNumber("rowCap", text, 1);
                    case "connectTimeout" -> connectTimeout = duration("connectTimeout", text);
                    case "responseTimeout" -> responseTimeout = duration("responseTimeout", text);
                    default -> throw new IllegalStateException(e.getKey());
                }
            }
        }

        private static int wholeNumber(String parameter, String text, int minimum) throws ConfigurationException {
            try {
                int number = Integer.parseInt(text);
                if (number >= minimum) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigurationException(parameter, "Invalid " + parameter + " '" + text
                    + "': use a whole number of at least " + minimum + ".");
        }

        private static Duration duration(String parameter, String text) throws ConfigurationException {
            try {
                Duration duration = text.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(text))
                        : Duration.parse(text);
                if (!duration.isNegative() && !duration.isZero()) {
                    return duration;
                }
            } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
                // reported below
            }
            throw new ConfigurationException(parameter, "Invalid " + parameter + " '" + text
                    + "': use seconds such as 30 or an ISO-8601 duration such as PT30S.");
        }

        /** Validates everything. */
        public FetchSettings build() throws ConfigurationException {
            parseTyped();
            URI url = resolveServiceUrl();
            if (credentials == null) {
                throw new ConfigurationException("credentials", "No Kaltura credentials: give an admin secret, a KS "
                        + "or an app token (settings.xml server, or KALTURA_ADMIN_SECRET, KALTURA_KS, "
                        + "KALTURA_APP_TOKEN_ID with KALTURA_APP_TOKEN).");
            }
            int pid = resolvePartnerId();
            List<ReportDefinition> reportList = resolveReports();
            ZoneId zone = resolveZone();
            DateRange range = DateRange.resolve(period, from, to, zone, clock == null ? Clock.systemUTC() : clock);
            Map<String, List<String>> filterValues = resolveFilters(reportList);
            Map<ReportDefinition, List<String>> expected = resolveExpectedColumns(reportList);
            if (outputDirectory == null) {
                throw new ConfigurationException("outputDirectory", "No outputDirectory: set the directory the "
                        + "reports are written to.");
            }
            if (Files.exists(outputDirectory) && !Files.isDirectory(outputDirectory)) {
                throw new ConfigurationException("outputDirectory", "outputDirectory " + outputDirectory
                        + " is a file, not a directory: point it at a directory.");
            }
            requireRange("concurrency", concurrency, 1, 64);
            requireRange("maxRetries", maxRetries, 0, 100);
            requireRange("rowCap", rowCap, 1, Integer.MAX_VALUE);
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("responseTimeout", responseTimeout);
            requirePositive("retryBaseDelay", retryBaseDelay);
            requirePositive("retryMaxDelay", retryMaxDelay);
            requirePositive("sessionLifetime", sessionLifetime);
            if (sessionLifetime.compareTo(Duration.ofSeconds(2)) < 0) {
                throw new ConfigurationException("sessionLifetime", "sessionLifetime " + sessionLifetime
                        + " is too short: use at least 2 seconds.");
            }
            if (proxy != null) {
                if (proxy.host() == null || proxy.host().isBlank()) {
                    throw new ConfigurationException("proxy", "The proxy has no host: set its host name.");
                }
                requireRange("proxy", proxy.port(), 1, 65535);
            }
            if (trustStore != null && !Files.isReadable(trustStore)) {
                throw new ConfigurationException("trustStore", "The trust store " + trustStore
                        + " does not exist or cannot be read: give the path of a PEM or PKCS#12 file.");
            }
            return new FetchSettings(this, url, pid, reportList, range, filterValues, expected);
        }

        private URI resolveServiceUrl() throws ConfigurationException {
            String base;
            String parameter;
            if (serviceUrl != null) {
                base = serviceUrl.trim();
                parameter = "serviceUrl";
            } else {
                String r = region == null ? "US" : region.trim().toUpperCase(Locale.ROOT);
                base = REGIONS.get(r);
                if (base == null) {
                    throw new ConfigurationException("region", "Unknown region '" + region + "': use one of "
                            + String.join(", ", REGIONS.keySet()) + ", or set serviceUrl for a self-hosted Kaltura.");
                }
                parameter = "region";
            }
            try {
                URI uri = new URI(base);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    throw new URISyntaxException(base, "not a plain http(s) base URL");
                }
                String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                while (path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                if (path.endsWith("/api_v3")) {
                    path = path.substring(0, path.length() - "/api_v3".length());
                }
                return new URI(scheme + "://" + uri.getRawAuthority() + path);
            } catch (URISyntaxException e) {
                throw new ConfigurationException(parameter, "Bad serviceUrl '" + base + "': write the API's base URL "
                        + "such as https://www.kaltura.com or http://127.0.0.1:8080 (no /api_v3, no query).");
            }
        }

        private int resolvePartnerId() throws ConfigurationException {
            if (partnerId != null) {
                try {
                    int pid = Integer.parseInt(partnerId.trim());
                    if (pid > 0) {
                        return pid;
                    }
                } catch (NumberFormatException e) {
                    // falls through to the error below
                }
                throw new ConfigurationException("partnerId", "Bad partnerId '" + partnerId
                        + "': a Kaltura partner id is a positive whole number such as 1234567.");
            }
            if (credentials.kind() == Credentials.Kind.KS) {
                return credentials.partnerIdOfKs();
            }
            throw new ConfigurationException("partnerId", "No partnerId: an admin secret or an app token needs the "
                    + "partner id (settings.xml server username, KALTURA_PARTNER_ID, or partnerId).");
        }

        private List<ReportDefinition> resolveReports() throws ConfigurationException {
            String csv = reports == null ? DEFAULT_REPORTS : reports;
            Set<ReportDefinition> list = new LinkedHashSet<>();
            for (String item : csv.split(",", -1)) {
                if (item.isBlank()) {
                    throw new ConfigurationException("reports", "Bad reports '" + csv + "': an empty name between "
                            + "commas; list names or ids such as rooms,attendees,6003.");
                }
                try {
                    list.add(ReportDefinition.parse(item));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("reports", e.getMessage());
                }
            }
            return new ArrayList<>(list);
        }

        private ZoneId resolveZone() throws ConfigurationException {
            if (timeZone == null) {
                return ZoneId.of("UTC");
            }
            try {
                return ZoneId.of(timeZone.trim());
            } catch (DateTimeException e) {
                throw new ConfigurationException("timeZone", "Unknown timeZone '" + timeZone
                        + "': use a zone id such as UTC, Europe/Paris or America/New_York.");
            }
        }

        private Map<String, List<String>> resolveFilters(List<ReportDefinition> reportList)
                throws ConfigurationException {
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (String name : FILTER_NAMES) {
                String raw = filters.get(name);
                if (raw != null) {
                    result.put(name, parseFilterValues(name, raw, reportList));
                }
            }
            for (String name : filters.keySet()) {
                if (!FILTER_NAMES.contains(name)) {
                    throw new ConfigurationException(name, "Unknown filter '" + name + "': use one of "
                            + String.join(", ", FILTER_NAMES) + ".");
                }
            }
            return result;
        }

        private static List<String> parseFilterValues(String name, String raw, List<ReportDefinition> reportList)
                throws ConfigurationException {
            for (ReportDefinition report : reportList) {
                if (!report.isCustom() && !report.filters().containsKey(name)) {
                    List<String> takers = new ArrayList<>();
                    for (ReportDefinition r : ReportDefinition.documented()) {
                        if (r.filters().containsKey(name)) {
                            takers.add(r.name());
                        }
                    }
                    throw new ConfigurationException(name, "Report " + report.name() + " (" + report.id()
                            + ") does not take the filter " + name + "; it takes "
                            + String.join(", ", report.filters().keySet()) + ". Remove " + name
                            + " or fetch only reports that take it (" + String.join(", ", takers) + ").");
                }
            }
            List<String> values = new ArrayList<>();
            for (String item : raw.split(",", -1)) {
                String v = item.trim();
                if (v.isEmpty()) {
                    throw new ConfigurationException(name, "Bad " + name + " '" + raw + "': an empty value between "
                            + "commas; write the ids separated by commas, e.g. 1_abc,1_def.");
                }
                // The params string has no escaping: a ';' would start a new key (KALTURA-PROTOCOL.md).
                if (v.contains(";")) {
                    throw new ConfigurationException(name, "Bad " + name + " value '" + v + "': Kaltura cannot "
                            + "receive a ';' inside a filter value; remove it.");
                }
                values.add(v);
            }
            return values;
        }

        private Map<ReportDefinition, List<String>> resolveExpectedColumns(List<ReportDefinition> reportList)
                throws ConfigurationException {
            Map<ReportDefinition, List<String>> result = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : expectedColumns.entrySet()) {
                ReportDefinition report;
                try {
                    report = ReportDefinition.parse(e.getKey());
                } catch (IllegalArgumentException bad) {
                    throw new ConfigurationException("expectedColumns", bad.getMessage());
                }
                if (!report.isCustom()) {
                    throw new ConfigurationException("expectedColumns", "Report " + report.name()
                            + " is documented and has its columns built in: declare expected columns only for "
                            + "custom report ids.");
                }
                if (!reportList.contains(report)) {
                    throw new ConfigurationException("expectedColumns", "Expected columns are declared for report "
                            + report.id() + ", which is not in reports " + reportList + ": add it or remove them.");
                }
                List<String> columns = new ArrayList<>();
                for (String c : e.getValue()) {
                    if (c == null || c.isBlank()) {
                        throw new ConfigurationException("expectedColumns", "An empty column name in the expected "
                                + "columns of report " + report.id() + " " + Arrays.toString(e.getValue().toArray()));
                    }
                    columns.add(c.trim());
                }
                result.put(report, columns);
            }
            return result;
        }

        private static void requireRange(String parameter, int value, int min, int max)
                throws ConfigurationException {
            if (value < min || value > max) {
                throw new ConfigurationException(parameter, "Bad " + parameter + " " + value + ": use a whole number "
                        + "from " + min + " to " + max + ".");
            }
        }

        private static void requirePositive(String parameter, Duration value) throws ConfigurationException {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new ConfigurationException(parameter, "Bad " + parameter + " " + value
                        + ": use a positive duration.");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
