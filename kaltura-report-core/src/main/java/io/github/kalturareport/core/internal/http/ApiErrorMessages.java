package io.github.kalturareport.core.internal.http;

import io.github.kalturareport.core.KalturaApiException;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an API error into a {@link KalturaApiException} whose message says what to do, scrubbed of secrets. */
public final class ApiErrorMessages {

    private ApiErrorMessages() {
    }

    /**
     * @param what      what was being done, e.g. "fetching report rooms (6000)"
     * @param partnerId the partner id in use, or -1
     * @param reportId  the report's id, or -1 when not fetching a report
     */
    public static KalturaApiException toException(ApiError error, String what, int partnerId, int reportId,
            Redactor redactor) {
        String code = error.code();
        String serverMessage = redactor.scrub(error.message());
        String partner = partnerId > 0 ? " " + partnerId : "";
        String advice = switch (code) {
            case "INVALID_KS" -> serverMessage.contains("EXPIRED")
                    ? "The Kaltura session (KS) has expired. A ready KS (KALTURA_KS) must outlive the run: make a "
                            + "new one, or give an admin secret or an app token so that the session is renewed. If "
                            + "you gave one of those, this machine's clock is behind Kaltura's: correct the clock."
                    : "Kaltura rejected the session (KS). Check that the partner id" + partner
                            + " is right, that the admin secret or app token belongs to that partner, that this "
                            + "machine's clock is correct, and that a ready KS has not expired.";
            case "SERVICE_FORBIDDEN" -> reportId == ReportDefinition.REACTIONS.id()
                    ? "Report 4021 is served only for the virtual events the KS names: a KS made from the admin "
                            + "secret carries virtualeventid for virtualEventIds; a ready KS or an app token must have "
                            + "the privilege virtualeventid:<id> for each event asked for."
                    : "The KS lacks the right to run report.getCsvFromStringParams: use an "
                    + "admin secret, an admin KS (type 2), or an app token whose privileges include the report "
                    + "service.";
            case "REPORT_NOT_FOUND" -> "Report id " + (reportId > 0 ? reportId : error.args().getOrDefault("ID", "?"))
                    + " does not exist for partner" + partner + ": check reports (rooms=6000, attendees=6001, "
                    + "breakouts=6002) and that Kaltura Rooms analytics is enabled for the partner.";
            case "START_SESSION_ERROR" -> "Kaltura could not start a session: check the admin secret and the "
                    + "partner id" + partner + ".";
            case "APP_TOKEN_ID_NOT_FOUND" -> "The app token id is unknown to partner" + partner
                    + ": check KALTURA_APP_TOKEN_ID and the partner id.";
            case "INVALID_APP_TOKEN_HASH" -> "The app token's hash was refused: check KALTURA_APP_TOKEN and its hash "
                    + "type (KALTURA_APP_TOKEN_HASH_TYPE, default SHA256).";
            case "APP_TOKEN_EXPIRED" -> "The app token has expired: create a new one in Kaltura.";
            case "DRUID_QUERY_TIMED_OUT" -> "Kaltura's analytics store timed out, even after retries: fetch a "
                    + "shorter range (period, from/to) or narrow it with filters.";
            case "MISSING_MANDATORY_PARAMETER" -> "The request lacked a parameter Kaltura needs; this is a bug in "
                    + "kaltura-report, please report it.";
            default -> "Check the settings for this request; the Kaltura API documentation explains the code.";
        };
        Map<String, String> args = new LinkedHashMap<>();
        error.args().forEach((k, v) -> args.put(k, redactor.scrub(v)));
        String message = "Kaltura API error " + code + " while " + what
                + (serverMessage.isBlank() ? "" : ": " + serverMessage) + ". " + advice;
        return new KalturaApiException(code, args, message);
    }
}
