package io.github.kalturareport.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulator received, with secrets left out: the path has the values of {@code ks}, {@code secret},
 * {@code tokenHash} and other secret parameters replaced by {@code ***}; parameter names are all kept, but values
 * only of non-secret parameters (see {@link #isSecret(String)}) are available, through {@link #parameter(String)}.
 */
public final class RecordedRequest {
    private final Instant time;
    private final String method;
    private final String path;
    private final String service;
    private final String action;
    private final List<String> parameterNames;
    private final Map<String, String> publicValues;
    private final int status;
    private final String fault;
    private final String errorCode;
    private final long rows;
    private final boolean authorizationHeader;

    /** For the simulator; values of secret parameters must already be absent from {@code publicValues}. */
    public RecordedRequest(Instant time, String method, String path, String service, String action,
            List<String> parameterNames, Map<String, String> publicValues, int status, String fault,
            String errorCode, long rows) {
        this(time, method, path, service, action, parameterNames, publicValues, status, fault, errorCode, rows,
                false);
    }

    /** As above, also saying whether the request carried an {@code Authorization} header (never its value). */
    public RecordedRequest(Instant time, String method, String path, String service, String action,
            List<String> parameterNames, Map<String, String> publicValues, int status, String fault,
            String errorCode, long rows, boolean authorizationHeader) {
        this.authorizationHeader = authorizationHeader;
        this.time = time;
        this.method = method;
        this.path = path;
        this.service = service;
        this.action = action;
        this.parameterNames = List.copyOf(parameterNames);
        this.publicValues = Map.copyOf(publicValues);
        this.status = status;
        this.fault = fault;
        this.errorCode = errorCode;
        this.rows = rows;
    }

    /**
     * Whether a parameter's value is a secret never recorded: {@code ks}, {@code tokenHash}, {@code token}, and any
     * name ending in {@code Ks} (e.g. {@code widgetKs}) or containing "secret", "password" or "token".
     */
    public static boolean isSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("ks") || n.endsWith(":ks") || name.endsWith("Ks") || n.contains("secret")
                || n.contains("password") || n.contains("token");
    }

    public Instant time() {
        return time;
    }

    public String method() {
        return method;
    }

    /** The request path without the query, secret values replaced by {@code ***}. */
    public String path() {
        return path;
    }

    /**
     * Whether the request carried an {@code Authorization} header (its value is never kept): the Reports
     * microservice reads its KS only from there, API v3 never does.
     */
    public boolean authorizationHeader() {
        return authorizationHeader;
    }

    /** The service as sent, or null; {@code reports} for the Reports microservice. */
    public String service() {
        return service;
    }

    /**
     * The action as sent, or null; for the Reports microservice {@code generate}, {@code status} (serve with
     * {@code statusOnly}) or {@code download} (serve without it).
     */
    public String action() {
        return action;
    }

    /**
     * Every parameter name, in the order first seen (path, query, body); for the Reports microservice the query's
     * names, then the JSON body's keys, nested ones as {@code reportParameters:from_date_id}.
     */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * The value of a non-secret parameter (e.g. {@code id}, {@code params}; for the Reports microservice e.g.
     * {@code reportName}, {@code sessionId}, {@code reportParameters:entries_ids} with list items joined by commas);
     * empty for secrets and absent ones.
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(publicValues.get(name));
    }

    /** The HTTP status sent; 0 when the connection was reset before any response. */
    public int status() {
        return status;
    }

    public boolean faultInjected() {
        return fault != null;
    }

    /** The injected fault's text form, e.g. {@code 503,retry-after=1,first=2}. */
    public Optional<String> fault() {
        return Optional.ofNullable(fault);
    }

    /** The API error code answered (e.g. {@code INVALID_KS}), if any. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Data rows written for a report answer; -1 for other answers. */
    public long rows() {
        return rows;
    }

    @Override
    public String toString() {
        return method + " " + path + " " + service + "." + action + " " + parameterNames
                + (authorizationHeader ? " [Authorization]" : "") + " -> " + status
                + (fault != null ? " fault=" + fault : "") + (errorCode != null ? " error=" + errorCode : "");
    }
}
