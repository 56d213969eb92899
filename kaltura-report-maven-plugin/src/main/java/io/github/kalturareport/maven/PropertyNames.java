package io.github.kalturareport.maven;

/**
 * The {@code -D} user properties of the goals, each written once: {@code @Parameter(property = …)} uses these
 * constants, and everything else (the {@code -D}-wins overrides, the hints in messages) reads the property back from
 * the goal's descriptor.
 */
final class PropertyNames {

    /** The prefix all of the plugin's properties share. */
    static final String PREFIX = "kaltura.";

    static final String ADMIN_SECRET = PREFIX + "adminSecret";
    static final String APP_TOKEN = PREFIX + "appToken";
    static final String ARCHIVE = PREFIX + "archive";
    static final String ARCHIVE_SERVER_ID = PREFIX + "archiveServerId";
    static final String ATTACH = PREFIX + "attach";
    static final String BASELINE = PREFIX + "baseline";
    static final String CONCURRENCY = PREFIX + "concurrency";
    static final String CONNECT_TIMEOUT = PREFIX + "connectTimeout";
    static final String CUE_POINT_IDS = PREFIX + "cuePointIds";
    static final String DESCRIPTIVE_HEADERS = PREFIX + "descriptiveHeaders";
    static final String ENTRY_IDS = PREFIX + "entryIds";
    static final String FROM = PREFIX + "from";
    static final String HALT_ON_FAILURE = PREFIX + "haltOnFailure";
    static final String KS = PREFIX + "ks";
    static final String LENIENT = PREFIX + "lenient";
    static final String LOOKBACK = PREFIX + "lookback";
    static final String MAX_RETRIES = PREFIX + "maxRetries";
    static final String OUTPUT_DIRECTORY = PREFIX + "outputDirectory";
    static final String PARENT_ENTRY_IDS = PREFIX + "parentEntryIds";
    static final String PARTNER_ID = PREFIX + "partnerId";
    static final String PERIOD = PREFIX + "period";
    static final String PERSONAL_COLUMNS = PREFIX + "personalColumns";
    static final String PERSONAL_DATA = PREFIX + "personalData";
    static final String REGION = PREFIX + "region";
    static final String REPORTS = PREFIX + "reports";
    static final String REPORTS_SERVICE_URL = PREFIX + "reportsServiceUrl";
    static final String REPORT_TIMEOUT = PREFIX + "reportTimeout";
    static final String RESPONSE_TIMEOUT = PREFIX + "responseTimeout";
    static final String ROW_CAP = PREFIX + "rowCap";
    static final String RULES = PREFIX + "rules";
    static final String SERVER_ID = PREFIX + "serverId";
    static final String SERVICE_URL = PREFIX + "serviceUrl";
    static final String SIMULATOR = PREFIX + "simulator";
    static final String SIMULATOR_SEED = PREFIX + "simulatorSeed";
    static final String SKIP = PREFIX + "skip";
    static final String TIME_ZONE = PREFIX + "timeZone";
    static final String TO = PREFIX + "to";
    static final String USER_IDS = PREFIX + "userIds";
    static final String VIRTUAL_EVENT_IDS = PREFIX + "virtualEventIds";

    private PropertyNames() {
    }
}
