package io.github.kalturareport.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar kaltura-report-simulator.jar [options]}: runs the simulator until SIGTERM (or Ctrl-C).
 * Bad options print a clear error and exit with code 2.
 */
public final class SimulatorMain {
    static final int USAGE_ERROR = 2;

    private static final java.util.Set<String> OPTIONS = java.util.Set.of("--host", "--port", "--port-file",
            "--partner-id", "--admin-secret", "--app-token", "--row-cap", "--request-log", "--seed", "--rooms",
            "--sessions-per-room", "--attendees-per-session", "--breakouts-per-session", "--virtual-events",
            "--user-pool", "--crowded-session-attendees", "--crowded-session-unique-users", "--row-order",
            "--end-date", "--days", "--fault", "--report-polls", "--report-statuses", "--fail-report",
            "--stall-report", "--report-session-ttl");

    private SimulatorMain() {
    }

    static final String HELP = String.join("\n",
            "Usage: java -jar kaltura-report-simulator.jar [options]",
            "",
            "A Kaltura API v3 simulator of the reporting path (session.start, session.startWidgetSession,",
            "appToken.startSession, report.getCsvFromStringParams for reports 6000, 6001, 6002, 4021), and the",
            "Reports microservice (POST /api/v1/report/generate and /api/v1/report/serve) on the same port.",
            "",
            "Server:",
            "  --host HOST                      address to listen on (default 127.0.0.1)",
            "  --port N                         port; 0 picks a free one (default 0)",
            "  --port-file FILE                 write the port to FILE once listening",
            "  --partner-id N                   the partner id (default 1000)",
            "  --admin-secret SECRET            the partner's admin secret (default simulator-secret)",
            "  --app-token ID:TOKEN[:HASH[:EXPIRY]]  an app token; HASH SHA1, SHA256 (default), SHA512, MD5;",
            "                                   EXPIRY in Unix seconds (repeatable)",
            "  --row-cap N                      rows per report call before the silent cut (default 100000)",
            "  --request-log FILE               append each request (names only, no values) as a JSON line",
            "",
            "Data (the same seed and sizes give byte-identical reports):",
            "  --seed N                         seed (default 42)",
            "  --rooms N                        main rooms (default 12)",
            "  --sessions-per-room N            sessions per room (default 20)",
            "  --attendees-per-session N        attendees per session (default 25)",
            "  --breakouts-per-session N        breakout sessions per main session (default 2)",
            "  --virtual-events N               virtual events the rooms belong to (default 3)",
            "  --user-pool N                    distinct users (default 500)",
            "  --crowded-session-attendees N    give the middle session N attendees (default 0: off)",
            "  --crowded-session-unique-users N room data's unique users of that session (default: its attendees)",
            "  --row-order start|shuffled       rows of a report call in session start order (default) or in a",
            "                                   seeded random order",
            "  --end-date YYYY-MM-DD            last day of the data, UTC (default today)",
            "  --days N                         days of data ending on the end date (default 120)",
            "",
            "Reports microservice sessions:",
            "  --report-polls N                 status polls answered before completed (default 2)",
            "  --report-statuses S1[,S2...]     the statuses of those polls, the last repeating",
            "                                   (default pending,processing)",
            "  --fail-report NAME               sessions of this report end failed (repeatable)",
            "  --stall-report NAME              sessions of this report never complete (repeatable)",
            "  --report-session-ttl SECONDS     how long a session is known after generate (default 3600)",
            "",
            "Faults (repeatable; applied in order, see README):",
            "  --fault KIND[,key=value]...      KIND: latency (ms=, per-row-us=), 503, 429 (retry-after=), 502,",
            "                                   truncated, reset, api-error (code=, message=), druid-timeout;",
            "                                   keys: first=N, rate=0..1, action=service.action (the",
            "                                   microservice: reports.generate, reports.status, reports.download)",
            "",
            "  --help                           this help",
            "");

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line read: the simulator to start, the port file, or a request for help. */
    record Options(KalturaSimulator.Builder builder, Path portFile, boolean help) {
    }

    /**
     * Reads the options into a builder (not started).
     *
     * @throws IllegalArgumentException naming the bad option and what it takes
     */
    static Options parse(String... args) {
        KalturaSimulator.Builder builder = KalturaSimulator.builder();
        Path portFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                return new Options(builder, portFile, true);
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': options start with --.");
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("Unknown option " + name + ".");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + name + " needs a value.");
                }
                value = args[++i];
            }
            switch (name) {
                case "--host":
                    builder.host(value);
                    break;
                case "--port":
                    builder.port(intValue(name, value));
                    break;
                case "--port-file":
                    portFile = Path.of(value);
                    break;
                case "--partner-id":
                    builder.partnerId(intValue(name, value));
                    break;
                case "--admin-secret":
                    builder.adminSecret(value);
                    break;
                case "--app-token":
                    builder.appToken(appToken(value));
                    break;
                case "--row-cap":
                    builder.rowCap(intValue(name, value));
                    break;
                case "--request-log":
                    builder.requestLog(Path.of(value));
                    break;
                case "--seed":
                    builder.seed(longValue(name, value));
                    break;
                case "--rooms":
                    builder.rooms(intValue(name, value));
                    break;
                case "--sessions-per-room":
                    builder.sessionsPerRoom(intValue(name, value));
                    break;
                case "--attendees-per-session":
                    builder.attendeesPerSession(intValue(name, value));
                    break;
                case "--breakouts-per-session":
                    builder.breakoutsPerSession(intValue(name, value));
                    break;
                case "--virtual-events":
                    builder.virtualEvents(intValue(name, value));
                    break;
                case "--user-pool":
                    builder.userPool(intValue(name, value));
                    break;
                case "--crowded-session-attendees":
                    builder.crowdedSessionAttendees(intValue(name, value));
                    break;
                case "--crowded-session-unique-users":
                    builder.crowdedSessionUniqueUsers(intValue(name, value));
                    break;
                case "--row-order":
                    if (!value.equals("start") && !value.equals("shuffled")) {
                        throw new IllegalArgumentException("Option --row-order takes start or shuffled, not '"
                                + value + "'.");
                    }
                    builder.shuffleRows(value.equals("shuffled"));
                    break;
                case "--end-date":
                    builder.endDate(date(name, value));
                    break;
                case "--days":
                    builder.days(intValue(name, value));
                    break;
                case "--fault":
                    builder.fault(Fault.parse(value));
                    break;
                case "--report-polls":
                    builder.reportPollsBeforeCompletion(intValue(name, value));
                    break;
                case "--report-statuses":
                    builder.reportProgressStatuses(value.split(",", -1));
                    break;
                case "--fail-report":
                    builder.failingReport(value);
                    break;
                case "--stall-report":
                    builder.stalledReport(value);
                    break;
                case "--report-session-ttl":
                    builder.reportSessionTtl(java.time.Duration.ofSeconds(longValue(name, value)));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + name + ".");
            }
        }
        return new Options(builder, portFile, false);
    }

    /** Runs until the JVM shuts down; returns an exit code only for --help (0) and bad usage (2). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (options.help()) {
            out.print(HELP);
            return 0;
        }
        KalturaSimulator.Builder builder = options.builder();
        Path portFile = options.portFile();

        KalturaSimulator simulator;
        try {
            simulator = builder.start();
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (RuntimeException e) {
            err.println("kaltura-report-simulator: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "kaltura-simulator-shutdown"));
        if (portFile != null) {
            try {
                writeAtomically(portFile, Integer.toString(simulator.port()));
            } catch (IOException e) {
                err.println("kaltura-report-simulator: cannot write the port file " + portFile + ": " + e.getMessage());
                simulator.close();
                return 1;
            }
        }
        out.println("Kaltura API simulator listening on " + simulator.baseUrl());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int usage(PrintStream err, String message) {
        err.println("kaltura-report-simulator: " + message);
        err.println("Run with --help for the options.");
        return USAGE_ERROR;
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static AppToken appToken(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("--app-token needs ID:TOKEN[:HASH[:EXPIRY]], e.g. "
                    + "--app-token 1_abc:0123abcd:SHA256; got " + parts.length + " part(s).");
        }
        String hash = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : "SHA256";
        long expiry = parts.length > 3 ? longValue("--app-token expiry", parts[3]) : 0;
        return new AppToken(parts[0], parts[1], hash, expiry);
    }

    private static int intValue(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a whole number, not '" + value + "'.");
        }
    }

    private static long longValue(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a whole number, not '" + value + "'.");
        }
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Option " + option + " needs a date such as 2025-04-21, not '"
                    + value + "'.");
        }
    }
}
