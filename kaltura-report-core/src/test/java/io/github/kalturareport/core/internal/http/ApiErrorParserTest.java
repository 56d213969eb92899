package io.github.kalturareport.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.KalturaApiException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorParserTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void json() throws Exception {
        ApiError e = ApiErrorParser.fromJson(bytes("{\"code\":\"INVALID_KS\",\"message\":\"Invalid KS \\\"djJ8abc\\\", "
                + "Error \\\"-1,INVALID_STR\\\"\",\"objectType\":\"KalturaAPIException\",\"args\":{\"KSID\":\"djJ8abc\"}}"))
                .orElseThrow();
        assertThat(e.code()).isEqualTo("INVALID_KS");
        assertThat(e.message()).contains("INVALID_STR");
        assertThat(e.args()).containsEntry("KSID", "djJ8abc");
        ApiError empty = ApiErrorParser.fromJson(bytes("{\"code\":\"SERVICE_FORBIDDEN\",\"message\":\"m\","
                + "\"objectType\":\"KalturaAPIException\",\"args\":[]}")).orElseThrow();
        assertThat(empty.args()).isEmpty();
        assertThat(ApiErrorParser.fromJson(bytes("{\"ks\":\"x\",\"objectType\":\"KalturaSessionInfo\"}"))).isEmpty();
    }

    @Test
    void xml() throws Exception {
        ApiError e = ApiErrorParser.fromXml(bytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result><error>"
                + "<code>REPORT_NOT_FOUND</code><message>Report id \"6009\" not found</message>"
                + "<objectType>KalturaAPIException</objectType><args><item><objectType>KalturaApiExceptionArg"
                + "</objectType><name>ID</name><value>6009</value></item></args></error></result>"
                + "<executionTime>0.01</executionTime></xml>")).orElseThrow();
        assertThat(e.code()).isEqualTo("REPORT_NOT_FOUND");
        assertThat(e.message()).isEqualTo("Report id \"6009\" not found");
        assertThat(e.args()).isEqualTo(Map.of("ID", "6009"));
        assertThat(ApiErrorParser.fromXml(bytes("<xml><result><objectType>x</objectType></result></xml>"))).isEmpty();
    }

    @Test
    void headersOnly() {
        ApiError e = ApiErrorParser.fromHeaders("error-REPORT_NOT_FOUND",
                "exiting on error REPORT_NOT_FOUND - Report id \"6000\" not found").orElseThrow();
        assertThat(e.code()).isEqualTo("REPORT_NOT_FOUND");
        assertThat(e.message()).isEqualTo("Report id \"6000\" not found");
        assertThat(ApiErrorParser.fromHeaders(null, null)).isEmpty();
        assertThat(ApiErrorParser.fromHeaders("cached-dispatcher", null)).isEmpty();
    }

    @Test
    void messagesSayWhatToDoAndHoldNoKs() {
        Redactor redactor = new Redactor();
        redactor.add("the-admin-secret");
        KalturaApiException invalid = ApiErrorMessages.toException(new ApiError("INVALID_KS",
                "Invalid KS \"djJ8MTAwMHyabc-_=\", Error \"-1,INVALID_STR\"", Map.of("KSID", "djJ8MTAwMHyabc")),
                "fetching report rooms (6000)", 1000, 6000, redactor);
        assertThat(invalid.code()).isEqualTo("INVALID_KS");
        assertThat(invalid.getMessage()).contains("partner id 1000", "clock", "expired").doesNotContain("djJ8");
        assertThat(invalid.args().get("KSID")).doesNotContain("djJ8");
        KalturaApiException expired = ApiErrorMessages.toException(new ApiError("INVALID_KS",
                "Invalid KS \"EXPIRED\", Error \"-1,EXPIRED\"", Map.of()), "x", 1000, 6000, redactor);
        assertThat(expired.getMessage()).contains("EXPIRED", "has expired");
        assertThat(ApiErrorMessages.toException(new ApiError("SERVICE_FORBIDDEN", "The access to service "
                + "[report->getCsvFromStringParams] is forbidden", Map.of()), "x", 1000, 6000, redactor).getMessage())
                .contains("lacks the right");
        assertThat(ApiErrorMessages.toException(new ApiError("REPORT_NOT_FOUND", "Report id \"6000\" not found",
                Map.of()), "x", 1000, 6000, redactor).getMessage()).contains("Report id 6000 does not exist",
                        "partner 1000");
        assertThat(redactor.scrub("secret is the-admin-secret")).isEqualTo("secret is [redacted]");
    }
}
