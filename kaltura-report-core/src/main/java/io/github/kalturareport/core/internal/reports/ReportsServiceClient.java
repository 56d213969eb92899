package io.github.kalturareport.core.internal.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalturareport.core.internal.http.KalturaHttp;
import io.github.kalturareport.core.internal.http.Redactor;
import io.github.kalturareport.core.internal.http.Responses;
import io.github.kalturareport.core.internal.http.RetryableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * One call each to the Reports microservice: {@code generate}, {@code serve} with {@code statusOnly}, and
 * {@code serve} for the CSV. The KS goes only in {@code Authorization: Bearer}. Each call classifies its answer:
 * 429/502/503/504 (and a download that is not ready yet) are {@link RetryableException}s, any other status a
 * {@link ServiceHttpException} with the error body's code and message, scrubbed. Retrying and polling are the
 * caller's.
 */
public final class ReportsServiceClient {

    public static final String GENERATE_PATH = "/api/v1/report/generate";
    public static final String SERVE_PATH = "/api/v1/report/serve";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a CSV body as it streams. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    private final KalturaHttp http;
    private final URI generate;
    private final URI serve;
    private final Redactor redactor;

    /**
     * @param baseUrl the service's base URL without a trailing slash, e.g. https://reports.nvp1.ovp.kaltura.com
     */
    public ReportsServiceClient(KalturaHttp http, URI baseUrl, Redactor redactor) {
        this.http = http;
        this.generate = URI.create(baseUrl + GENERATE_PATH);
        this.serve = URI.create(baseUrl + SERVE_PATH);
        this.redactor = redactor;
    }

    /**
     * The {@code generate} body: the report name and its parameters, each list under its key (left out when empty),
     * the dates as whole UTC days, both included.
     */
    public static byte[] generateBody(String reportName, Map<String, List<String>> lists, LocalDate from,
            LocalDate to, String fromKey, String toKey) {
        ObjectNode body = JSON.createObjectNode();
        body.put("reportName", reportName);
        ObjectNode params = body.putObject("reportParameters");
        lists.forEach((key, values) -> {
            if (!values.isEmpty()) {
                ArrayNode array = params.putArray(key);
                values.forEach(array::add);
            }
        });
        params.put(fromKey, from.toString());
        params.put(toKey, to.toString());
        return bytes(body);
    }

    /** Starts making the report; returns the service's session id. */
    public String generate(String ks, byte[] body) throws IOException {
        JsonNode answer = http.postJson(generate, ks, body, response -> small(response, "generate"));
        String id = text(answer, "sessionId");
        if (id == null) {
            id = text(answer, "id");
        }
        if (id == null) {
            throw new IOException("generate answered without a sessionId");
        }
        return id;
    }

    /** The session's status text as the service sent it ({@code pending}, {@code completed} …). */
    public String status(String ks, String sessionId) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("sessionId", sessionId);
        body.put("statusOnly", true);
        JsonNode answer = http.postJson(serve, ks, bytes(body), response -> small(response, "serve (status)"));
        String status = text(answer, "status");
        if (status == null) {
            throw new IOException("serve answered without a status");
        }
        return status;
    }

    /** Downloads the finished report, streaming its body through {@code reader}. */
    public <T> T download(String ks, String sessionId, BodyReader<T> reader) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("sessionId", sessionId);
        return http.postJson(serve, ks, bytes(body), response -> {
            int code = response.getCode();
            if (code == 409) {
                // Not completed after all (another replica?): poll-like, so worth another try.
                throw new RetryableException("serve answered HTTP 409: the report is not ready to download yet",
                        Responses.retryAfter(response).orElse(null));
            }
            check(response, "serve (download)");
            HttpEntity entity = response.getEntity();
            String type = entity == null || entity.getContentType() == null ? ""
                    : entity.getContentType().toLowerCase(Locale.ROOT);
            if (type.contains("json")) {
                JsonNode status = parse(Responses.smallBody(response));
                throw new RetryableException("serve answered JSON instead of the CSV (status "
                        + redactor.scrub(String.valueOf(text(status, "status"))) + ")", null);
            }
            try (InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
                return reader.read(in);
            }
        });
    }

    private JsonNode small(ClassicHttpResponse response, String what) throws IOException {
        check(response, what);
        JsonNode node = parse(Responses.smallBody(response));
        if (node == null) {
            throw new IOException(what + " answered something other than JSON: check reportsServiceUrl");
        }
        return node;
    }

    /** 200 passes; 429, 502, 503, 504 are worth a retry; any other status is final. */
    private void check(ClassicHttpResponse response, String what) throws IOException {
        int status = response.getCode();
        if (status == 200) {
            return;
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            throw new RetryableException("HTTP " + status + " from the Reports microservice's " + what,
                    Responses.retryAfter(response).orElse(null));
        }
        JsonNode error = null;
        try {
            error = parse(Responses.smallBody(response));
        } catch (IOException unreadable) {
            // an error body is optional; its status says enough
        }
        String code = text(error, "code");
        String message = text(error, "message");
        throw new ServiceHttpException(status, code == null ? "" : redactor.scrub(code),
                message == null ? "" : redactor.scrub(message));
    }

    /** The JSON object of a small body, or null when it is not JSON. */
    private static JsonNode parse(byte[] bytes) {
        if (!Responses.looksLikeJson(bytes, bytes.length)) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a JSON body", e);
        }
    }
}
