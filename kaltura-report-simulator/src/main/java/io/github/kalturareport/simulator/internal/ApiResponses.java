package io.github.kalturareport.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serialises results and errors as the API v3 does: {@code format=1} JSON, {@code format=9} JSONP (the JSON inside
 * {@code callback(...);}), otherwise XML (the default). A string result is the bare JSON string or the XML
 * {@code <result>} text; an object result carries its {@code objectType}.
 */
final class ApiResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {
    }

    /** The shape of an answer, from the {@code format} parameter. */
    enum Shape {
        XML("text/xml"), JSON("application/json"), JSONP("application/javascript");

        final String contentType;

        Shape(String contentType) {
            this.contentType = contentType;
        }
    }

    /** What the server accepts as a JSONP callback name (it refuses anything else, against script injection). */
    private static final Pattern CALLBACK = Pattern.compile("[0-9_a-zA-Z.]*");

    static Shape shape(String format) {
        String f = format == null ? "" : format.trim();
        return f.equals("1") ? Shape.JSON : f.equals("9") ? Shape.JSONP : Shape.XML;
    }

    /**
     * Why a JSONP answer cannot be given: no {@code callback} in the query string, or one with other characters
     * than letters, digits, {@code _} and {@code .}; null when it can.
     */
    static ApiException callbackProblem(String callback) {
        if (callback == null) {
            return new ApiException("MANDATORY_PARAMETER_MISSING", "Mandatory parameter missing [callback]",
                    Map.of("PARAM_NAME", "callback"));
        }
        if (!CALLBACK.matcher(callback).matches()) {
            return new ApiException("INVALID_FIELD_VALUE", "value in field [callback] is not valid",
                    Map.of("FIELD_NAME", "callback"));
        }
        return null;
    }

    static String result(Shape shape, String callback, Object value, double seconds) {
        if (shape != Shape.XML) {
            try {
                return wrap(shape, callback, JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result>");
        appendXmlValue(xml, value);
        return xml.append("</result>").append(executionTime(seconds)).append("</xml>").toString();
    }

    static String error(Shape shape, String callback, ApiException e, double seconds) {
        if (shape != Shape.XML) {
            ObjectNode node = JSON.createObjectNode();
            node.put("code", e.code());
            node.put("message", e.getMessage());
            node.put("objectType", "KalturaAPIException");
            if (e.args().isEmpty()) {
                node.putArray("args");
            } else {
                ObjectNode args = node.putObject("args");
                e.args().forEach(args::put);
            }
            return wrap(shape, callback, node.toString());
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result><error><code>");
        xml.append(escape(e.code())).append("</code><message>").append(escape(e.getMessage()))
                .append("</message><objectType>KalturaAPIException</objectType><args>");
        for (Map.Entry<String, String> arg : e.args().entrySet()) {
            xml.append("<item><objectType>KalturaApiExceptionArg</objectType><name>").append(escape(arg.getKey()))
                    .append("</name><value>").append(escape(arg.getValue())).append("</value></item>");
        }
        return xml.append("</args></error></result>").append(executionTime(seconds)).append("</xml>").toString();
    }

    private static String wrap(Shape shape, String callback, String json) {
        return shape == Shape.JSONP ? callback + "(" + json + ");" : json;
    }

    private static String executionTime(double seconds) {
        return "<executionTime>" + String.format(Locale.ROOT, "%.4f", seconds) + "</executionTime>";
    }

    @SuppressWarnings("unchecked")
    private static void appendXmlValue(StringBuilder xml, Object value) {
        if (value instanceof Map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                xml.append('<').append(e.getKey()).append('>');
                appendXmlValue(xml, e.getValue());
                xml.append("</").append(e.getKey()).append('>');
            }
        } else if (value instanceof List) {
            for (Object item : (List<Object>) value) {
                xml.append("<item>");
                appendXmlValue(xml, item);
                xml.append("</item>");
            }
        } else if (value != null) {
            xml.append(escape(String.valueOf(value)));
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }
}
