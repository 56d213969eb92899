package io.github.kalturareport.simulator;

import io.github.kalturareport.simulator.internal.ApiHandler;
import io.github.kalturareport.simulator.internal.Dataset;
import io.github.kalturareport.simulator.internal.DatasetSpec;
import io.github.kalturareport.simulator.internal.FaultPlan;
import io.github.kalturareport.simulator.internal.ReportsService;
import io.github.kalturareport.simulator.internal.RequestLog;
import io.github.kalturareport.simulator.internal.ServerState;
import io.github.kalturareport.simulator.internal.ServiceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running Kaltura API v3 simulator: {@code session.start}, {@code session.startWidgetSession},
 * {@code appToken.startSession} and {@code report.getCsvFromStringParams} (reports 6000, 6001, 6002, 4021) over real
 * HTTP, and on the same port the Reports microservice ({@code /api/v1/report/generate} and {@code serve}), with KS
 * checking, a seeded dataset, faults and a request log.
 *
 * <pre>{@code
 * try (KalturaSimulator sim = KalturaSimulator.builder().seed(7).start()) {
 *     String base = sim.baseUrl(); // http://127.0.0.1:PORT, the API under base + "/api_v3"
 * }
 * }</pre>
 */
public final class KalturaSimulator implements AutoCloseable {
    public static final int DEFAULT_PARTNER_ID = 1000;
    public static final String DEFAULT_ADMIN_SECRET = "simulator-secret";
    public static final int DEFAULT_ROW_CAP = 100_000;
    /** Status polls a Reports microservice session answers before it completes, by default. */
    public static final int DEFAULT_REPORT_POLLS = 2;
    /** How long the Reports microservice knows a session after generate, by default. */
    public static final Duration DEFAULT_REPORT_SESSION_TTL = Duration.ofHours(1);

    private final Server server;
    private final ServerConnector connector;
    private final String host;
    private final ServerState state;
    private final List<Fault> initialFaults;

    private KalturaSimulator(Server server, ServerConnector connector, String host, ServerState state,
            List<Fault> initialFaults) {
        this.server = server;
        this.connector = connector;
        this.host = host;
        this.state = state;
        this.initialFaults = initialFaults;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://HOST:PORT}, without {@code /api_v3}. */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return host;
    }

    public int partnerId() {
        return state.partnerId();
    }

    /** The partner's admin secret (a test credential). */
    public String adminSecret() {
        return state.adminSecret();
    }

    /** First second (UTC) of the data's span. */
    public Instant dataStart() {
        return Instant.ofEpochSecond(state.dataset().spanStart());
    }

    /** Last second (UTC) of the data's span, inclusive. */
    public Instant dataEnd() {
        return Instant.ofEpochSecond(state.dataset().spanEnd());
    }

    /** The entry ids of the main rooms, in room order. */
    public List<String> roomEntryIds() {
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < state.dataset().roomCount(); r++) {
            ids.add(state.dataset().room(r).entryId());
        }
        return ids;
    }

    /** The virtual event ids the rooms belong to (they appear in no report column, as on the server). */
    public List<String> virtualEventIds() {
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < state.dataset().roomCount(); r++) {
            String id = state.dataset().room(r).virtualEventId();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The virtual event of a main room, by its entry id. */
    public String virtualEventIdOf(String roomEntryId) {
        for (int r = 0; r < state.dataset().roomCount(); r++) {
            if (state.dataset().room(r).entryId().equals(roomEntryId)) {
                return state.dataset().room(r).virtualEventId();
            }
        }
        throw new IllegalArgumentException("No room has entry id " + roomEntryId + ".");
    }

    /** The requests received so far, oldest first (a snapshot). */
    public List<RecordedRequest> requests() {
        return state.log().snapshot();
    }

    public void clearRequests() {
        state.log().clear();
    }

    /** Adds a fault from now on; faults added one after another script a sequence (see {@link Fault}). */
    public void addFault(Fault fault) {
        state.faults().add(Objects.requireNonNull(fault, "fault"));
    }

    /** Removes every fault, including those given to the builder. */
    public void clearFaults() {
        state.faults().clear();
    }

    /** Removes runtime faults and restores the builder's faults with fresh counters. */
    public void resetFaults() {
        state.faults().clear();
        initialFaults.forEach(state.faults()::add);
    }

    public List<Fault> faults() {
        return state.faults().faults();
    }

    /** Stops the server promptly and frees the port. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The simulator did not stop cleanly: " + e.getMessage(), e);
        } finally {
            try {
                state.log().close();
            } catch (IOException e) {
                // The request log file is best effort.
            }
        }
    }

    /** Configures and starts a simulator. Defaults: 127.0.0.1, a free port, partner 1000, secret simulator-secret. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int partnerId = DEFAULT_PARTNER_ID;
        private String adminSecret = DEFAULT_ADMIN_SECRET;
        private long seed = 42;
        private int rooms = 12;
        private int sessionsPerRoom = 20;
        private int attendeesPerSession = 25;
        private int breakoutsPerSession = 2;
        private int virtualEvents = 3;
        private int userPool = 500;
        private int crowdedSessionAttendees;
        private int crowdedSessionUniqueUsers;
        private boolean shuffleRows;
        private LocalDate endDate;
        private int days = 120;
        private int rowCap = DEFAULT_ROW_CAP;
        private final Map<String, AppToken> appTokens = new LinkedHashMap<>();
        private final List<Fault> faults = new ArrayList<>();
        private Path requestLog;
        private Clock clock = Clock.systemUTC();
        private int reportPolls = DEFAULT_REPORT_POLLS;
        private List<String> reportProgressStatuses = List.of("pending", "processing");
        private final Set<String> failingReports = new LinkedHashSet<>();
        private final Set<String> stalledReports = new LinkedHashSet<>();
        private Duration reportSessionTtl = DEFAULT_REPORT_SESSION_TTL;

        private Builder() {
        }

        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("A port is 0..65535, not " + value + ".");
            }
            this.port = value;
            return this;
        }

        public Builder partnerId(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("A partner id is a positive number, not " + value + ".");
            }
            this.partnerId = value;
            return this;
        }

        public Builder adminSecret(String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("The admin secret cannot be empty.");
            }
            this.adminSecret = value;
            return this;
        }

        /** The seed of the dataset (default 42): the same seed gives byte-identical reports. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Main rooms (default 12). */
        public Builder rooms(int value) {
            this.rooms = value;
            return this;
        }

        /** Sessions per room over the span (default 20). */
        public Builder sessionsPerRoom(int value) {
            this.sessionsPerRoom = value;
            return this;
        }

        /** Attendee rows per session (default 25). */
        public Builder attendeesPerSession(int value) {
            this.attendeesPerSession = value;
            return this;
        }

        /** Breakout sessions under each main session (default 2; 0 for none). */
        public Builder breakoutsPerSession(int value) {
            this.breakoutsPerSession = value;
            return this;
        }

        /** Virtual events the rooms are spread over (default 3). */
        public Builder virtualEvents(int value) {
            this.virtualEvents = value;
            return this;
        }

        /** Distinct users attendees are drawn from (default 500). */
        public Builder userPool(int value) {
            this.userPool = value;
            return this;
        }

        /** Gives the middle session this many attendees (e.g. more than the row cap); 0 (default) for none. */
        public Builder crowdedSessionAttendees(int value) {
            this.crowdedSessionAttendees = value;
            return this;
        }

        /**
         * The unique users room data gives for the crowded session (default 0: its attendees): lower than its
         * attendees, an approximate count that underestimates it.
         */
        public Builder crowdedSessionUniqueUsers(int value) {
            this.crowdedSessionUniqueUsers = value;
            return this;
        }

        /**
         * Sends each report call's rows in a seeded random order (the same for the same request) rather than in
         * session start order; the row cap then keeps an arbitrary subset. Default false.
         */
        public Builder shuffleRows(boolean value) {
            this.shuffleRows = value;
            return this;
        }

        /** The last day (UTC) of the data; default today in the builder's clock. */
        public Builder endDate(LocalDate value) {
            this.endDate = value;
            return this;
        }

        /** The span of the data in days, ending with {@link #endDate(LocalDate)} (default 120). */
        public Builder days(int value) {
            this.days = value;
            return this;
        }

        /** Rows per report call before the silent cut (default 100,000, as the server). */
        public Builder rowCap(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("The row cap must be at least 1, not " + value + ".");
            }
            this.rowCap = value;
            return this;
        }

        /** An app token of the partner; hash type SHA1, SHA256 (default when null), SHA512 or MD5. */
        public Builder appToken(String id, String token, String hashType) {
            return appToken(new AppToken(id, token, hashType, 0));
        }

        public Builder appToken(AppToken token) {
            appTokens.put(token.id(), token);
            return this;
        }

        /** A fault in force from the start (more can be added at run time). */
        public Builder fault(Fault fault) {
            faults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /** Also appends each request (names only, no values) as a JSON line to this file. */
        public Builder requestLog(Path file) {
            this.requestLog = file;
            return this;
        }

        /** The clock for KS expiry and the default end date (default the system UTC clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Reports microservice: the status polls ({@code serve} with {@code statusOnly}) a session answers with a
         * progress status before {@code completed} (default 2: pending, processing, then completed; 0 completes at
         * once).
         */
        public Builder reportPollsBeforeCompletion(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("The polls before completion must be 0 or more, not " + value
                        + ".");
            }
            this.reportPolls = value;
            return this;
        }

        /**
         * Reports microservice: the progress statuses of those polls, in order, the last repeating (default
         * {@code pending}, {@code processing}); e.g. {@code "queued"} to send a status a client does not know.
         */
        public Builder reportProgressStatuses(String... statuses) {
            if (statuses.length == 0 || java.util.Arrays.stream(statuses).anyMatch(s -> s == null || s.isBlank())) {
                throw new IllegalArgumentException("At least one progress status is needed (e.g. pending), and "
                        + "none may be empty.");
            }
            this.reportProgressStatuses = List.of(statuses);
            return this;
        }

        /** Reports microservice: sessions of this report (e.g. {@code chatModeration}) end with status failed. */
        public Builder failingReport(String reportName) {
            failingReports.add(knownReport(reportName));
            return this;
        }

        /** Reports microservice: sessions of this report never complete (their last progress status repeats). */
        public Builder stalledReport(String reportName) {
            stalledReports.add(knownReport(reportName));
            return this;
        }

        private static String knownReport(String reportName) {
            if (!ReportsService.reportNames().contains(reportName)) {
                throw new IllegalArgumentException("Unknown report name '" + reportName + "': use one of "
                        + ReportsService.reportNames() + ".");
            }
            return reportName;
        }

        /**
         * Reports microservice: how long a session is known after generate, on the builder's clock (default 1 hour);
         * then serve answers 404 SESSION_NOT_FOUND.
         */
        public Builder reportSessionTtl(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("The report session TTL must be positive, not " + value + ".");
            }
            this.reportSessionTtl = value;
            return this;
        }

        /**
         * Starts the server and returns once it listens.
         *
         * @throws IllegalArgumentException for a bad data shape
         * @throws UncheckedIOException     when the port cannot be bound
         */
        public KalturaSimulator start() {
            LocalDate end = endDate != null ? endDate : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            DatasetSpec spec = new DatasetSpec(seed, rooms, sessionsPerRoom, attendeesPerSession, breakoutsPerSession,
                    virtualEvents, userPool, crowdedSessionAttendees, end, days, crowdedSessionUniqueUsers);
            FaultPlan plan = new FaultPlan(seed);
            faults.forEach(plan::add);
            ServerState state = new ServerState(partnerId, adminSecret, new Dataset(spec), rowCap,
                    Map.copyOf(appTokens), clock, plan, new RequestLog(requestLog), shuffleRows,
                    new ServiceOptions(reportPolls, reportProgressStatuses, failingReports, stalledReports,
                            reportSessionTtl));

            QueuedThreadPool threads = new QueuedThreadPool(64, 2);
            threads.setName("kaltura-simulator");
            threads.setDaemon(true);
            // close() must be prompt even while a long report is streaming.
            threads.setStopTimeout(500);
            Server server = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // The guide's own URLs carry ';' and '=' in path segments; the dispatcher reads the raw path itself.
            http.setUriCompliance(UriCompliance.UNSAFE);
            ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(30_000);
            server.addConnector(connector);
            server.setHandler(new ApiHandler(state));
            server.setStopTimeout(0);
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // already failing
                }
                throw new UncheckedIOException(new IOException("Cannot start the Kaltura simulator on " + host + ":"
                        + port + ": " + e.getMessage(), e));
            }
            return new KalturaSimulator(server, connector, host, state, List.copyOf(faults));
        }
    }
}
