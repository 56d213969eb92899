package io.github.kalturareport.simulator.internal;

import io.github.kalturareport.simulator.AppToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The four actions of the reporting path: session.start, session.startWidgetSession, appToken.startSession, report.getCsvFromStringParams. */
final class ApiActions {
    static final int DEFAULT_EXPIRY = 86_400;

    private final ServerState state;
    private final KsGuard guard;
    private final Activity activity;

    ApiActions(ServerState state) {
        this.state = state;
        this.guard = new KsGuard(state);
        this.activity = new Activity(state.dataset());
    }

    Outcome dispatch(ApiRequest request, String remoteIp) {
        try {
            String service = request.service() == null ? "" : request.service().toLowerCase(Locale.ROOT);
            String action = request.action() == null ? "" : request.action().toLowerCase(Locale.ROOT);
            if (service.isEmpty()) {
                throw new ApiException("SERVICE_NOT_SPECIFIED", "Service name was not specified, please specify one");
            }
            switch (service) {
                case "session":
                    if (action.equals("start")) {
                        return sessionStart(request);
                    }
                    if (action.equals("startwidgetsession")) {
                        return startWidgetSession(request);
                    }
                    break;
                case "apptoken":
                    if (action.equals("startsession")) {
                        return appTokenStartSession(request, remoteIp);
                    }
                    break;
                case "report":
                    if (action.equals("getcsvfromstringparams")) {
                        return getCsvFromStringParams(request, remoteIp);
                    }
                    break;
                default:
                    throw new ApiException("SERVICE_DOES_NOT_EXISTS", "Service \"" + request.service()
                            + "\" does not exists");
            }
            throw new ApiException("ACTION_DOES_NOT_EXISTS", "Action \"" + request.action()
                    + "\" does not exists for service \"" + request.service() + "\"");
        } catch (ApiException e) {
            return new Outcome.Error(e);
        }
    }

    private Outcome sessionStart(ApiRequest request) throws ApiException {
        String secret = mandatory(request, "secret");
        String partnerText = request.param("partnerId");
        int partner = partnerText == null || partnerText.isEmpty() ? -1 : (int) ReportParams.phpIntval(partnerText);
        if (partner != state.partnerId() || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                state.adminSecret().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException("START_SESSION_ERROR", "Error while starting session for partner [" + partner + "]");
        }
        int type = (int) intParam(request, "type", 0);
        long expiry = expiry(request);
        String user = request.param("userId") == null ? "" : request.param("userId");
        String ks = KsCodec.encodeV2(partner, state.adminSecret(), type, user, state.now() + expiry,
                request.param("privileges"));
        return new Outcome.Result(ks);
    }

    private Outcome startWidgetSession(ApiRequest request) throws ApiException {
        String widgetId = mandatory(request, "widgetId");
        if (!widgetId.equals("_" + state.partnerId())) {
            throw new ApiException("INVALID_WIDGET_ID", "Invalid widget id [" + widgetId + "]");
        }
        long expiry = expiry(request);
        String ks = KsCodec.encodeV2(state.partnerId(), state.adminSecret(), 0, "0", state.now() + expiry,
                "view:*,widget:1");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ks", ks);
        result.put("partnerId", state.partnerId());
        result.put("userId", "0");
        result.put("objectType", "KalturaStartWidgetSessionResponse");
        return new Outcome.Result(result);
    }

    private Outcome appTokenStartSession(ApiRequest request, String remoteIp) throws ApiException {
        guard.check(request, remoteIp, false);
        String id = mandatory(request, "id");
        String tokenHash = mandatory(request, "tokenHash");
        AppToken token = state.appTokens().get(id);
        if (token == null) {
            throw new ApiException("APP_TOKEN_ID_NOT_FOUND", "Application token id [" + id + "] not found");
        }
        if (token.expiry() > 0 && token.expiry() <= state.now()) {
            throw new ApiException("APP_TOKEN_EXPIRED", "Application token [" + id + "] expired");
        }
        String expected = hashHex(token.jdkAlgorithm(), request.param("ks") + token.token());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                tokenHash.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException("INVALID_APP_TOKEN_HASH", "Invalid application token hash");
        }
        int type = (int) intParam(request, "type", 2);
        long expiry = expiry(request);
        if (token.expiry() > 0) {
            expiry = Math.min(expiry, token.expiry() - state.now());
        }
        String user = request.param("userId") == null ? "" : request.param("userId");
        long expiresAt = state.now() + expiry;
        String privileges = "appToken:" + id;
        String ks = KsCodec.encodeV2(state.partnerId(), state.adminSecret(), type, user, expiresAt, privileges);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ks", ks);
        result.put("sessionType", type);
        result.put("partnerId", state.partnerId());
        result.put("userId", user);
        result.put("expiry", expiresAt);
        result.put("privileges", privileges);
        result.put("objectType", "KalturaSessionInfo");
        return new Outcome.Result(result);
    }

    private Outcome getCsvFromStringParams(ApiRequest request, String remoteIp) throws ApiException {
        Ks ks = guard.check(request, remoteIp, true);
        String id = mandatory(request, "id");
        // params is optional (params = null in the server's signature): without it the report runs unfiltered.
        String params = request.param("params");
        int reportId = (int) ReportParams.phpIntval(id);
        boolean known = CsvReport.columnsOf(reportId) != null || reportId == ReactionsReport.ID;
        if (!known || !id.trim().equals(Integer.toString(reportId))) {
            return new Outcome.FileError("REPORT_NOT_FOUND", "Report id \"" + id + "\" not found");
        }
        Set<String> excluded = new HashSet<>();
        String excludedFields = request.param("excludedFields");
        if (excludedFields != null && !excludedFields.isEmpty()) {
            excluded.addAll(Arrays.asList(excludedFields.split(",")));
        }
        if (reportId == ReactionsReport.ID) {
            ReportParams read = new ReportParams(params);
            String event = read.value("virtualeventid");
            // The event asked for must be one the KS's virtualeventid privilege names (inferred code).
            if (event == null || !KsGuard.hasValue(ks.privileges().get("virtualeventid"), event)) {
                return new Outcome.FileError("SERVICE_FORBIDDEN", "The access to service [" + request.service()
                        + "->" + request.action() + "] is forbidden");
            }
            return new Outcome.Report(reportId, new ReactionsReport(activity, read, excluded, state.rowCap()));
        }
        if (state.shuffleRows()) {
            long seed = Mix.hash(state.dataset().spec().seed(), 99, reportId, Objects.hashCode(params));
            return new Outcome.Report(reportId, CsvReport.shuffled(state.dataset(), reportId,
                    new ReportParams(params), excluded, state.rowCap(), seed));
        }
        return new Outcome.Report(reportId, CsvReport.of(state.dataset(), reportId, new ReportParams(params),
                excluded, state.rowCap()));
    }

    private static String mandatory(ApiRequest request, String name) throws ApiException {
        String value = request.param(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    private static ApiException missing(String name) {
        return new ApiException("MISSING_MANDATORY_PARAMETER", "Missing parameter \"" + name + "\"",
                Map.of("PARAM_NAME", name));
    }

    private static long intParam(ApiRequest request, String name, long fallback) {
        String v = request.param(name);
        return v == null || v.isEmpty() ? fallback : ReportParams.phpIntval(v);
    }

    private static long expiry(ApiRequest request) {
        long e = intParam(request, "expiry", DEFAULT_EXPIRY);
        return e <= 0 ? DEFAULT_EXPIRY : e;
    }

    static String hashHex(String algorithm, String text) {
        try {
            return KsCodec.hex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }
}
