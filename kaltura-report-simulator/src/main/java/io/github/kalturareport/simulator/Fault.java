package io.github.kalturareport.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault the simulator injects into matching requests: by default into every request; {@link #forFirst(int)}
 * limits it to the first N matching requests and {@link #atRate(double)} to a seeded, repeatable share of them;
 * {@link #only(String, String)} restricts it to one service/action. Immutable; the {@code with} methods return
 * copies.
 *
 * <p>Text form (CLI {@code --fault} and {@link #parse(String)}): {@code KIND[,key=value]...} with KIND one of
 * {@code latency} ({@code ms=}, and {@code per-row-us=} per report row sent), {@code 503} and {@code 429}
 * ({@code retry-after=} seconds), {@code 502}, {@code truncated}, {@code reset}, {@code api-error} ({@code code=}, {@code message=}), {@code druid-timeout};
 * and the keys {@code first=N}, {@code rate=0.25}, {@code action=service.action}, {@code report=6000}. Example:
 * {@code 503,retry-after=1,first=2,action=report.getCsvFromStringParams}.
 *
 * <p>Faults hit the Reports microservice too, as the service {@code reports} with the actions {@code generate},
 * {@code status} ({@code serve} with {@code statusOnly}) and {@code download} ({@code serve} without it): e.g.
 * {@code only("reports", "status")} or {@code action=reports.download}; {@code only("reports", null)} hits all
 * three. There {@code api-error} and {@code druid-timeout} answer HTTP 500 with the service's JSON error
 * {@code {"code", "message"}}, and {@code truncated} cuts the CSV or JSON short; a fault for a report id never
 * matches a microservice request. A status poll that meets a fault does not count as a poll.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** Waits before answering normally. */
        LATENCY("latency"),
        /** HTTP 503 with a Retry-After header and an HTML body, as a load balancer answers. */
        SERVICE_UNAVAILABLE("503"),
        /** HTTP 429 with a Retry-After header and an HTML body. */
        TOO_MANY_REQUESTS("429"),
        /** HTTP 502 with an nginx-style HTML body. */
        BAD_GATEWAY("502"),
        /** HTTP 200 whose Content-Length promises more than is sent before the connection closes. */
        TRUNCATED_BODY("truncated"),
        /** The connection is reset (TCP RST) before any response byte. */
        CONNECTION_RESET("reset"),
        /** An API error (XML or JSON per {@code format}) inside an HTTP 200. */
        API_ERROR("api-error"),
        /** {@code DRUID_QUERY_TIMED_OUT}: for the report action an empty 200 with X-Kaltura error headers. */
        DRUID_TIMEOUT("druid-timeout");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The CLI spelling. */
        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final long latencyMillis;
    private final long perRowNanos;
    private final int retryAfterSeconds;
    private final String errorCode;
    private final String errorMessage;
    private final int first;
    private final double rate;
    private final String service;
    private final String action;
    private final int reportId;

    private Fault(Kind kind, long latencyMillis, long perRowNanos, int retryAfterSeconds, String errorCode,
            String errorMessage, int first, double rate, String service, String action, int reportId) {
        this.kind = kind;
        this.latencyMillis = latencyMillis;
        this.perRowNanos = perRowNanos;
        this.retryAfterSeconds = retryAfterSeconds;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.first = first;
        this.rate = rate;
        this.service = service;
        this.action = action;
        this.reportId = reportId;
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, 0, 0, 0, null, null, 0, 1.0, null, null, 0);
    }

    public static Fault latency(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A latency cannot be negative: " + delay);
        }
        return new Fault(Kind.LATENCY, delay.toMillis(), 0, 0, null, null, 0, 1.0, null, null, 0);
    }

    /**
     * Waits {@code delay} before answering, and on a report also {@code perRow} for each row it sends (before its
     * last bytes): a model of a server whose query time grows with the rows, e.g. 1 s + 2 µs a row.
     */
    public static Fault latency(Duration delay, Duration perRow) {
        if (delay.isNegative() || perRow.isNegative()) {
            throw new IllegalArgumentException("A latency cannot be negative: " + delay + ", " + perRow + " a row");
        }
        return new Fault(Kind.LATENCY, delay.toMillis(), perRow.toNanos(), 0, null, null, 0, 1.0, null, null, 0);
    }

    public static Fault serviceUnavailable(int retryAfterSeconds) {
        return new Fault(Kind.SERVICE_UNAVAILABLE, 0, 0, nonNegative(retryAfterSeconds), null, null, 0, 1.0, null,
                null, 0);
    }

    public static Fault tooManyRequests(int retryAfterSeconds) {
        return new Fault(Kind.TOO_MANY_REQUESTS, 0, 0, nonNegative(retryAfterSeconds), null, null, 0, 1.0, null,
                null, 0);
    }

    public static Fault badGateway() {
        return of(Kind.BAD_GATEWAY);
    }

    public static Fault truncatedBody() {
        return of(Kind.TRUNCATED_BODY);
    }

    public static Fault connectionReset() {
        return of(Kind.CONNECTION_RESET);
    }

    /** An API error with this code (any code, e.g. {@code INTERNAL_SERVERL_ERROR}) and a generic message. */
    public static Fault apiError(String code) {
        return apiError(code, "Simulated error " + code);
    }

    public static Fault apiError(String code, String message) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        return new Fault(Kind.API_ERROR, 0, 0, 0, code, message, 0, 1.0, null, null, 0);
    }

    public static Fault druidTimeout() {
        return of(Kind.DRUID_TIMEOUT);
    }

    /** Only the first {@code n} matching requests get the fault. */
    public Fault forFirst(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("first must be at least 1, not " + n);
        }
        return new Fault(kind, latencyMillis, perRowNanos, retryAfterSeconds, errorCode, errorMessage, n, rate,
                service, action, reportId);
    }

    /** A seeded, repeatable share (0..1) of matching requests gets the fault. */
    public Fault atRate(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("rate must be from 0 to 1, not " + share);
        }
        return new Fault(kind, latencyMillis, perRowNanos, retryAfterSeconds, errorCode, errorMessage, first, share,
                service, action, reportId);
    }

    /** Only requests to this service and action (case-insensitive) match; {@code null} action: any action. */
    public Fault only(String onlyService, String onlyAction) {
        Objects.requireNonNull(onlyService, "service");
        return new Fault(kind, latencyMillis, perRowNanos, retryAfterSeconds, errorCode, errorMessage, first, rate,
                onlyService, onlyAction, reportId);
    }

    /** Only report calls for this report id (e.g. 6000) match; other requests never do. */
    public Fault forReport(int id) {
        if (id < 1) {
            throw new IllegalArgumentException("report must be a positive id, not " + id);
        }
        return new Fault(kind, latencyMillis, perRowNanos, retryAfterSeconds, errorCode, errorMessage, first, rate,
                service, action, id);
    }

    public Kind kind() {
        return kind;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    /** The latency's term per report row sent, in nanoseconds (0 for none). */
    public long perRowNanos() {
        return perRowNanos;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** 0 when not limited to the first requests. */
    public int first() {
        return first;
    }

    public double rate() {
        return rate;
    }

    /** Whether a request to this service/action is one the fault may hit. */
    public boolean matches(String requestService, String requestAction) {
        return matches(requestService, requestAction, null);
    }

    /** Whether a request to this service/action, for this report id (null when none), is one the fault may hit. */
    public boolean matches(String requestService, String requestAction, String requestReportId) {
        if (reportId != 0 && !Integer.toString(reportId).equals(requestReportId == null ? null
                : requestReportId.trim())) {
            return false;
        }
        if (service == null) {
            return true;
        }
        if (requestService == null || !service.equalsIgnoreCase(requestService)) {
            return false;
        }
        return action == null || (requestAction != null && action.equalsIgnoreCase(requestAction));
    }

    /**
     * Reads the text form, e.g. {@code 429,retry-after=2,first=1} or {@code latency,ms=300,rate=0.5}.
     *
     * @throws IllegalArgumentException naming the bad part and the accepted forms
     */
    public static Fault parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("Empty fault: use KIND[,key=value]..., KIND one of " + kinds());
        }
        String[] parts = spec.split(",");
        String kindText = parts[0].trim().toLowerCase(Locale.ROOT);
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.label.equals(kindText)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("Unknown fault kind '" + parts[0].trim() + "' in '" + spec
                    + "': use one of " + kinds());
        }
        long ms = 0;
        double perRowMicros = 0;
        int retryAfter = 1;
        String code = kind == Kind.API_ERROR ? "INTERNAL_SERVERL_ERROR" : null;
        String message = null;
        int firstN = 0;
        double share = 1.0;
        String onlyService = null;
        String onlyAction = null;
        int report = 0;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Fault option '" + part + "' in '" + spec
                        + "' is not key=value (keys: first, rate, action, report, ms, per-row-us, "
                        + "retry-after, code, message).");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "ms":
                        ms = Long.parseLong(value);
                        break;
                    case "per-row-us":
                        perRowMicros = Double.parseDouble(value);
                        break;
                    case "retry-after":
                        retryAfter = Integer.parseInt(value);
                        break;
                    case "code":
                        code = value;
                        break;
                    case "message":
                        message = value;
                        break;
                    case "first":
                        firstN = Integer.parseInt(value);
                        break;
                    case "rate":
                        share = Double.parseDouble(value);
                        break;
                    case "report":
                        report = Integer.parseInt(value);
                        break;
                    case "action":
                        int dot = value.indexOf('.');
                        onlyService = dot < 0 ? value : value.substring(0, dot);
                        onlyAction = dot < 0 ? null : value.substring(dot + 1);
                        break;
                    default:
                        throw new IllegalArgumentException("Unknown fault option '" + key + "' in '" + spec
                                + "': use first, rate, action, report, ms, per-row-us, retry-after, code or message.");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Fault option '" + part + "' in '" + spec
                        + "' needs a number.", e);
            }
        }
        Fault fault;
        switch (kind) {
            case LATENCY:
                fault = latency(Duration.ofMillis(ms), Duration.ofNanos(Math.round(perRowMicros * 1000)));
                break;
            case SERVICE_UNAVAILABLE:
                fault = serviceUnavailable(retryAfter);
                break;
            case TOO_MANY_REQUESTS:
                fault = tooManyRequests(retryAfter);
                break;
            case API_ERROR:
                fault = message == null ? apiError(code) : apiError(code, message);
                break;
            default:
                fault = of(kind);
        }
        if (firstN != 0) {
            fault = fault.forFirst(firstN);
        }
        if (share != 1.0) {
            fault = fault.atRate(share);
        }
        if (onlyService != null) {
            fault = fault.only(onlyService, onlyAction);
        }
        if (report != 0) {
            fault = fault.forReport(report);
        }
        return fault;
    }

    private static String kinds() {
        StringBuilder sb = new StringBuilder();
        for (Kind k : Kind.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k.label);
        }
        return sb.toString();
    }

    private static int nonNegative(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Retry-After cannot be negative: " + seconds);
        }
        return seconds;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.label);
        if (kind == Kind.LATENCY) {
            sb.append(",ms=").append(latencyMillis);
            if (perRowNanos > 0) {
                sb.append(",per-row-us=").append(perRowNanos / 1000.0);
            }
        }
        if (kind == Kind.SERVICE_UNAVAILABLE || kind == Kind.TOO_MANY_REQUESTS) {
            sb.append(",retry-after=").append(retryAfterSeconds);
        }
        if (kind == Kind.API_ERROR) {
            sb.append(",code=").append(errorCode);
        }
        if (first > 0) {
            sb.append(",first=").append(first);
        }
        if (rate != 1.0) {
            sb.append(",rate=").append(rate);
        }
        if (service != null) {
            sb.append(",action=").append(service).append(action == null ? "" : "." + action);
        }
        if (reportId != 0) {
            sb.append(",report=").append(reportId);
        }
        return sb.toString();
    }
}
