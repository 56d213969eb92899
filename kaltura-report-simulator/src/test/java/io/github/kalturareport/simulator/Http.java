package io.github.kalturareport.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A plain JDK HTTP client for the tests: real requests over 127.0.0.1. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String form(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    /** POST a form body to /api_v3/service/S/action/A. */
    static HttpResponse<String> post(KalturaSimulator sim, String service, String action, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api_v3/service/" + service + "/action/" + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build());
    }

    static HttpResponse<String> postBody(KalturaSimulator sim, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> get(KalturaSimulator sim, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** session.start with the simulator's secret, JSON format; returns the KS. */
    static String adminKs(KalturaSimulator sim) {
        HttpResponse<String> r = post(sim, "session", "start", params("secret", sim.adminSecret(), "partnerId",
                Integer.toString(sim.partnerId()), "type", "2", "format", "1"));
        String body = r.body();
        if (!body.startsWith("\"")) {
            throw new IllegalStateException("session.start failed: " + body);
        }
        return body.substring(1, body.length() - 1);
    }

    static HttpResponse<String> report(KalturaSimulator sim, String ks, int id, String params) {
        return post(sim, "report", "getCsvFromStringParams", params("ks", ks, "id", Integer.toString(id), "params",
                params));
    }
}
