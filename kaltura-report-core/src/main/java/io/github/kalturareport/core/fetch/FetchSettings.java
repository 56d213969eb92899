package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.Vocabulary;
import io.github.kalturareport.core.report.PersonalData;
import io.github.kalturareport.core.report.ReportDefinition;
import io.github.kalturareport.core.report.Region;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything a fetch needs: where ({@link Endpoint}), who (partner id and {@link Credentials}), what
 * ({@link ReportQuery}), where to ({@link OutputSettings}) and how hard ({@link Limits}). Immutable; its
 * {@link Builder} takes typed values and {@link Builder#build()} validates them all before any network call. Text
 * as a user types it becomes settings through {@code io.github.kalturareport.core.config.FetchOptions}.
 */
public final class FetchSettings {

    /** The shortest pseudonym key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;

    private final Endpoint endpoint;
    private final int partnerId;
    private final Credentials credentials;
    private final ReportQuery query;
    private final OutputSettings output;
    private final Limits limits;
    private final Clock clock;
    private final Vocabulary vocabulary;
    private final PersonalData personalData;
    /** A secret: never in {@link #toString()}, a message or a file. */
    private final byte[] pseudonymKey;
    /** With an archive: no range was given, so the archive's watermark decides it (docs/archive.md). */
    private final boolean incremental;

    private FetchSettings(Endpoint endpoint, int partnerId, Credentials credentials, ReportQuery query,
            OutputSettings output, Limits limits, Clock clock, Vocabulary vocabulary, PersonalData personalData,
            byte[] pseudonymKey, boolean incremental) {
        this.endpoint = endpoint;
        this.partnerId = partnerId;
        this.credentials = credentials;
        this.query = query;
        this.output = output;
        this.limits = limits;
        this.clock = clock;
        this.vocabulary = vocabulary;
        this.personalData = personalData;
        this.pseudonymKey = pseudonymKey;
        this.incremental = incremental;
    }

    /** These settings over another range, for a run whose range the archive's watermark decides. */
    FetchSettings withRange(DateRange range) {
        return new FetchSettings(endpoint, partnerId, credentials, query.withRange(range), output, limits, clock,
                vocabulary, personalData, pseudonymKey, false);
    }

    /**
     * Whether the range comes from the archive: an archive is set and no range was given, so a run fetches from its
     * watermark minus the lookback up to now; the query's range then stands for a first run (a backfill).
     */
    public boolean incremental() {
        return incremental;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The server, with its service URL reduced to the base (no {@code /api_v3}, no trailing slash). */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The partner id; -1 when a ready KS was given without one and the KS does not tell. */
    public int partnerId() {
        return partnerId;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The reports, their range (resolved, never null) and filters. */
    public ReportQuery query() {
        return query;
    }

    /** Where the files go, with the directory made absolute. */
    public OutputSettings output() {
        return output;
    }

    public Limits limits() {
        return limits;
    }

    public Clock clock() {
        return clock;
    }

    /** The front end's words for the messages that must name them. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** What the fetch does with personal columns; {@link PersonalData#KEEP} unless set. */
    public PersonalData personalData() {
        return personalData;
    }

    /** A copy of the pseudonym key, or null when none is needed; for the run only. */
    byte[] pseudonymKey() {
        return pseudonymKey == null ? null : pseudonymKey.clone();
    }

    /** For logs: every setting, no secret (credentials and proxy mask theirs; the trust store password is left out). */
    @Override
    public String toString() {
        DateRange range = query.range();
        return "FetchSettings[" + endpoint + ", partnerId=" + partnerId + ", credentials=" + credentials
                + ", reports=" + query.reports() + ", range=" + range.from() + ".." + range.to() + " ("
                + range.description() + ", " + range.zone() + "), filters=" + query.filters() + ", " + output
                + ", " + limits + ", " + personalData + "]";
    }

    /** Collects typed settings; {@link #build()} validates them all. */
    public static final class Builder {
        private Endpoint endpoint = Endpoint.of(Region.US);
        private Integer partnerId;
        private Credentials credentials;
        private ReportQuery query = ReportQuery.defaults();
        private OutputSettings output;
        private Limits limits = Limits.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private Vocabulary vocabulary = Vocabulary.LIBRARY;
        private PersonalData personalData = PersonalData.KEEP;
        private byte[] pseudonymKey;
        private boolean rangeGiven = true;

        private Builder() {
        }

        /** Default: the US region's API, direct, default timeouts. */
        public Builder endpoint(Endpoint value) {
            this.endpoint = value;
            return this;
        }

        /** Needed for an admin secret or an app token; read from a ready KS when not set. */
        public Builder partnerId(int value) {
            this.partnerId = value;
            return this;
        }

        public Builder credentials(Credentials value) {
            this.credentials = value;
            return this;
        }

        /** Default: rooms, attendees and breakouts over the last 30 days, no filters. */
        public Builder query(ReportQuery value) {
            this.query = value;
            return this;
        }

        /** Required. */
        public Builder output(OutputSettings value) {
            this.output = value;
            return this;
        }

        /** Default: {@link Limits#DEFAULTS}. */
        public Builder limits(Limits value) {
            this.limits = value;
            return this;
        }

        /** The clock that "now" comes from, for the default range's end and the KS's expiry (for tests). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** The front end's words for messages; default {@link Vocabulary#LIBRARY}. */
        public Builder vocabulary(Vocabulary value) {
            this.vocabulary = value;
            return this;
        }

        /** What to do with personal columns; default {@link PersonalData#KEEP}. */
        public Builder personalData(PersonalData value) {
            this.personalData = value;
            return this;
        }

        /**
         * The HMAC key for pseudonyms, at least 16 bytes; needed when a column is pseudonymised. A secret: it is
         * copied, never shown.
         */
        public Builder pseudonymKey(byte[] value) {
            this.pseudonymKey = value == null ? null : value.clone();
            return this;
        }

        /**
         * Whether the query's range was given by the user (default true). A front end that fills in the default
         * period itself says false when the user gave none, so that with an archive the watermark decides the range.
         * A query without a range is never given one.
         */
        public Builder rangeGiven(boolean value) {
            this.rangeGiven = value;
            return this;
        }

        /** Validates everything. */
        public FetchSettings build() throws ConfigurationException {
            Vocabulary words = vocabulary == null ? Vocabulary.LIBRARY : vocabulary;
            Clock now = clock == null ? Clock.systemUTC() : clock;
            Endpoint checkedEndpoint = Objects.requireNonNull(endpoint, "endpoint").withBaseUrl();
            if (credentials == null) {
                throw new ConfigurationException("credentials", "No Kaltura credentials: give an admin secret, a KS "
                        + "or an app token (" + words.credentialSources() + ").");
            }
            int pid = resolvePartnerId(words);
            ReportQuery checkedQuery = Objects.requireNonNull(query, "query").validated(now);
            OutputSettings checkedOutput = (output == null ? OutputSettings.to(null) : output).validated();
            Objects.requireNonNull(limits, "limits").validate();
            checkedEndpoint.validateConnection();
            checkReportsService(checkedEndpoint, checkedQuery);
            PersonalData personal = personalData == null ? PersonalData.KEEP : personalData;
            personal.validate(checkedQuery.reports(), "personalColumns");
            for (ReportDefinition report : checkedQuery.reports()) {
                List<String> dropped = personal.columnsIn(report, PersonalData.Mode.DROP);
                if (report.isServiceReport() && !dropped.isEmpty()) {
                    // The microservice has no excludedFields: dropped columns would be received all the same.
                    throw new ConfigurationException("personalData", "Report " + report.name() + " cannot leave out "
                            + String.join(", ", dropped) + ": Kaltura's Reports microservice has no way to exclude"
                            + " columns, so they would be received. Use personalData=pseudonymize (or personalColumns"
                            + " " + dropped.get(0) + "=pseudonymize …) for this report, or leave it out of reports.");
                }
            }
            byte[] key = null;
            if (personal.pseudonymizes(checkedQuery.reports())) {
                key = checkedKey(words);
            }
            ArchiveChecks.refuseDroppedKeys(checkedOutput.archive(), checkedQuery.reports(), personal);
            boolean incremental = checkedOutput.archive() != null && (query.range() == null || !rangeGiven);
            return new FetchSettings(checkedEndpoint, pid, credentials, checkedQuery, checkedOutput, limits, now,
                    words, personal, key, incremental);
        }

        /** A Reports microservice report needs the service's address, known only for the US region. */
        private static void checkReportsService(Endpoint endpoint, ReportQuery query) throws ConfigurationException {
            if (endpoint.reportsServiceUrl() != null) {
                return;
            }
            for (ReportDefinition report : query.reports()) {
                if (report.isServiceReport()) {
                    throw new ConfigurationException("reportsServiceUrl", "Report " + report.name() + " comes from"
                            + " Kaltura's Reports microservice, whose address is known only for the US region ("
                            + Region.US.reportsServiceUrl().orElseThrow() + "); set reportsServiceUrl to your"
                            + " region's, e.g. https://reports.<region>.ovp.kaltura.com, or leave "
                            + report.name() + " out of reports.");
                }
            }
        }

        private byte[] checkedKey(Vocabulary words) throws ConfigurationException {
            if (pseudonymKey == null || pseudonymKey.length == 0) {
                throw new ConfigurationException("personalData", "personalData=pseudonymize needs a pseudonym key"
                        + " and none was given: set one of at least " + MIN_KEY_BYTES + " bytes ("
                        + words.pseudonymKeySources() + "), or choose personalData=drop or keep.");
            }
            if (pseudonymKey.length < MIN_KEY_BYTES) {
                throw new ConfigurationException("personalData", "The pseudonym key is too short: it needs at least "
                        + MIN_KEY_BYTES + " bytes (" + words.pseudonymKeySources() + "). Use a long random value,"
                        + " e.g. 32 characters from a password generator.");
            }
            return Arrays.copyOf(pseudonymKey, pseudonymKey.length);
        }

        private int resolvePartnerId(Vocabulary words) throws ConfigurationException {
            if (partnerId != null) {
                if (partnerId > 0) {
                    return partnerId;
                }
                throw new ConfigurationException("partnerId", "Bad partnerId '" + partnerId
                        + "': a Kaltura partner id is a positive whole number such as 1234567.");
            }
            if (credentials.kind() == Credentials.Kind.KS) {
                return credentials.partnerIdOfKs();
            }
            throw new ConfigurationException("partnerId", "No partnerId: an admin secret or an app token needs the "
                    + "partner id (" + words.partnerIdSources() + ").");
        }
    }
}
