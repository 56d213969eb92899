package io.github.kalturareport.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One API v3 call as the dispatcher reads it: service and action from the path or the parameters; parameters from
 * the path pairs, then the query string, then the body (form, multipart, or JSON only when the Content-Type is
 * exactly {@code application/json}); the path wins over the query, the query over the body.
 */
public final class ApiRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final String rawQuery;
    private final boolean apiPath;
    private final Map<String, String> params;
    private final Map<String, String> queryParams;
    private final List<String> names;
    private final String service;
    private final String action;

    private ApiRequest(String method, String path, String rawQuery, boolean apiPath, Map<String, String> params,
            Map<String, String> queryParams, List<String> names, String service, String action) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.apiPath = apiPath;
        this.params = params;
        this.queryParams = queryParams;
        this.names = names;
        this.service = service;
        this.action = action;
    }

    public static ApiRequest parse(String method, String rawPath, String rawQuery, String contentType, byte[] body) {
        Map<String, String> pathParams = new LinkedHashMap<>();
        String pathService = null;
        String pathAction = null;
        boolean apiPath = false;
        String path = rawPath == null ? "/" : rawPath;
        String rest = null;
        if (path.startsWith("/api_v3/index.php/")) {
            rest = path.substring("/api_v3/index.php/".length());
        } else if (path.startsWith("/api_v3/") && !path.startsWith("/api_v3/index.php")) {
            rest = path.substring("/api_v3/".length());
        }
        if (path.equals("/api_v3") || path.equals("/api_v3/") || path.equals("/api_v3/index.php")) {
            apiPath = true;
        }
        if (rest != null) {
            apiPath = true;
            String[] segments = rest.split("/", -1);
            int count = segments.length;
            if (count > 0 && segments[count - 1].isEmpty()) {
                count--;
            }
            for (int i = 0; i + 1 < count; i += 2) {
                String key = decodePath(segments[i]);
                String value = decodePath(segments[i + 1]);
                if (key.equals("service") && pathService == null) {
                    pathService = value;
                } else if (key.equals("action") && pathAction == null) {
                    pathAction = value;
                } else {
                    pathParams.put(key, value);
                }
            }
        }
        Map<String, String> queryParams = parseForm(rawQuery);
        Map<String, String> bodyParams = parseBody(contentType, body);

        Map<String, String> merged = new LinkedHashMap<>(bodyParams);
        merged.putAll(queryParams);
        merged.putAll(pathParams);
        List<String> names = new ArrayList<>();
        addNames(names, pathParams);
        addNames(names, queryParams);
        addNames(names, bodyParams);

        String service = pathService != null ? pathService : merged.get("service");
        String action = pathAction != null ? pathAction : merged.get("action");
        return new ApiRequest(method, path, rawQuery, apiPath, merged, queryParams, List.copyOf(names), service,
                action);
    }

    private static void addNames(List<String> names, Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
    }

    private static String decodePath(String segment) {
        // Path segments are percent-decoded; '+' stays a plus in a path.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                map.put(key, value);
            } catch (IllegalArgumentException malformed) {
                // PHP skips what it cannot decode; so do we.
            }
        }
        return map;
    }

    private static Map<String, String> parseBody(String contentType, byte[] body) {
        if (body == null || body.length == 0 || contentType == null) {
            return new LinkedHashMap<>();
        }
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/json")) {
            return parseJson(body);
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return parseForm(new String(body, StandardCharsets.UTF_8));
        }
        if (type.startsWith("multipart/form-data")) {
            return Multipart.parse(contentType, body);
        }
        return new LinkedHashMap<>();
    }

    private static Map<String, String> parseJson(byte[] body) {
        Map<String, String> map = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                flatten("", root, map);
            }
        } catch (IOException unreadable) {
            // The server treats an unreadable JSON body as no parameters.
        }
        return map;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> map) {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String key = prefix.isEmpty() ? f.getKey() : prefix + ":" + f.getKey();
            JsonNode v = f.getValue();
            if (v.isObject()) {
                flatten(key, v, map);
            } else if (v.isBoolean()) {
                map.put(key, v.booleanValue() ? "1" : "0");
            } else if (!v.isNull() && v.isValueNode()) {
                map.put(key, v.asText());
            }
        }
    }

    public String method() {
        return method;
    }

    /** The request path (raw, without the query). */
    public String path() {
        return path;
    }

    /** The request URI as sent, query included (PHP's {@code REQUEST_URI}), which {@code urirestrict} is held to. */
    public String requestUri() {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }

    /** Whether the path is one of the API's entry points. */
    public boolean isApiPath() {
        return apiPath;
    }

    public String service() {
        return service;
    }

    public String action() {
        return action;
    }

    public String param(String name) {
        return params.get(name);
    }

    /** A parameter of the query string only (PHP's {@code $_GET}), as the JSONP {@code callback} is read. */
    public String queryParam(String name) {
        return queryParams.get(name);
    }

    /** Parameter names in the order they were first seen: path, query, body. */
    public List<String> names() {
        return names;
    }

    /** {@code service.action} lower-cased, for matching. */
    public String serviceAction() {
        return (service == null ? "" : service.toLowerCase(Locale.ROOT)) + "."
                + (action == null ? "" : action.toLowerCase(Locale.ROOT));
    }
}
