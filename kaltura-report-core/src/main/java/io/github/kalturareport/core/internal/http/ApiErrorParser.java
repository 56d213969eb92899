package io.github.kalturareport.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the three shapes of a Kaltura API error (docs/kaltura-protocol.md, Errors): JSON, XML, and headers only. */
public final class ApiErrorParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // An error body is data from the network: no DTDs, no external entities.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private ApiErrorParser() {
    }

    /**
     * A JSON body (format=1): {@code {"code":..,"message":..,"objectType":"KalturaAPIException","args":{..}|[]}}.
     * Empty when the JSON is not an API exception.
     */
    public static Optional<ApiError> fromJson(byte[] body) throws IOException {
        JsonNode node = JSON.readTree(body);
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        // A multirequest or a wrapped result may nest the error under "result".
        if (!node.has("code") && node.path("result").isObject()) {
            node = node.get("result");
        }
        String objectType = node.path("objectType").asText("");
        if (!node.hasNonNull("code") || !(objectType.isEmpty() || objectType.endsWith("APIException"))) {
            return Optional.empty();
        }
        Map<String, String> args = new LinkedHashMap<>();
        JsonNode a = node.path("args");
        if (a.isObject()) {
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                args.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        } else if (a.isArray()) {
            for (JsonNode item : a) {
                if (item.hasNonNull("name")) {
                    args.put(item.get("name").asText(), item.path("value").asText(""));
                }
            }
        }
        return Optional.of(new ApiError(node.get("code").asText(), node.path("message").asText(""), args));
    }

    /**
     * The default XML body: {@code <xml><result><error><code/><message/><args/></error></result></xml>}. Empty
     * when the XML holds no error.
     */
    public static Optional<ApiError> fromXml(byte[] body) throws IOException {
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            String code = null;
            String message = null;
            Map<String, String> args = new LinkedHashMap<>();
            boolean inError = false;
            String argName = null;
            String argValue = null;
            int depthInArgs = 0;
            boolean inArgs = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("error")) {
                        inError = true;
                    } else if (inError && inArgs) {
                        depthInArgs++;
                        if (name.equals("item")) {
                            argName = null;
                            argValue = null;
                        } else if (name.equals("name")) {
                            argName = r.getElementText();
                            depthInArgs--;
                        } else if (name.equals("value")) {
                            argValue = r.getElementText();
                            depthInArgs--;
                        } else if (depthInArgs == 1) {
                            // <args><KSID>...</KSID></args>
                            args.put(name, r.getElementText());
                            depthInArgs--;
                        }
                    } else if (inError && name.equals("code")) {
                        code = r.getElementText();
                    } else if (inError && name.equals("message")) {
                        message = r.getElementText();
                    } else if (inError && name.equals("args")) {
                        inArgs = true;
                        depthInArgs = 0;
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    String name = r.getLocalName();
                    if (inArgs && name.equals("item")) {
                        if (argName != null) {
                            args.put(argName, argValue == null ? "" : argValue);
                        }
                        depthInArgs--;
                    } else if (inArgs && name.equals("args")) {
                        inArgs = false;
                    } else if (name.equals("error")) {
                        inError = false;
                    }
                }
            }
            return code == null ? Optional.empty() : Optional.of(new ApiError(code.trim(), message, args));
        } catch (XMLStreamException e) {
            throw new IOException("unreadable XML: " + e.getMessage(), e);
        }
    }

    /**
     * The headers of an error from an action that returns a file: {@code X-Kaltura: error-CODE} and
     * {@code X-Kaltura-App: exiting on error CODE - message}. Empty when there is no such header.
     */
    public static Optional<ApiError> fromHeaders(String xKaltura, String xKalturaApp) {
        String code = null;
        if (xKaltura != null && xKaltura.trim().startsWith("error-")) {
            code = xKaltura.trim().substring("error-".length()).trim();
        }
        String message = "";
        if (xKalturaApp != null) {
            String app = xKalturaApp.trim();
            int dash = app.indexOf(" - ");
            if (app.startsWith("exiting on error ")) {
                String appCode = (dash > 0 ? app.substring("exiting on error ".length(), dash)
                        : app.substring("exiting on error ".length())).trim();
                if (code == null && !appCode.isEmpty()) {
                    code = appCode;
                }
            }
            message = dash > 0 ? app.substring(dash + 3).trim() : "";
        }
        return code == null || code.isEmpty() ? Optional.empty() : Optional.of(new ApiError(code, message, Map.of()));
    }
}
