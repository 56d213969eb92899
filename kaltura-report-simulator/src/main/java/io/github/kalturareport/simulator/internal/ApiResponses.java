package io.github.kalturareport.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serialises results and errors as the API v3 does: {@code format=1} JSON, otherwise XML (the default).
 * A string result is the bare JSON string or the XML {@code <result>} text; an object result carries its
 * {@code objectType}.
 */
final class ApiResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {
    }

    static boolean isJson(String format) {
        return format != null && format.trim().equals("1");
    }

    static String contentType(boolean json) {
        return json ? "application/json" : "text/xml";
    }

    static String result(boolean json, Object value, double seconds) {
        if (json) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result>");
        appendXmlValue(xml, value);
        return xml.append("</result>").append(executionTime(seconds)).append("</xml>").toString();
    }

    static String error(boolean json, ApiException e, double seconds) {
        if (json) {
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
            return node.toString();
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
