package io.github.kalturareport.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads the text fields of a {@code multipart/form-data} body (the form the PHP clients send). */
final class Multipart {
    private Multipart() {
    }

    static Map<String, String> parse(String contentType, byte[] body) {
        Map<String, String> map = new LinkedHashMap<>();
        String boundary = boundary(contentType);
        if (boundary == null) {
            return map;
        }
        // ISO-8859-1 maps bytes to chars one to one, so offsets stay byte offsets.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int pos = text.indexOf(delimiter);
        while (pos >= 0) {
            int partStart = pos + delimiter.length();
            if (text.startsWith("--", partStart)) {
                break;
            }
            int next = text.indexOf(delimiter, partStart);
            if (next < 0) {
                break;
            }
            String part = text.substring(partStart, next);
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd >= 0) {
                String headers = part.substring(0, headersEnd);
                String value = part.substring(headersEnd + 4);
                if (value.endsWith("\r\n")) {
                    value = value.substring(0, value.length() - 2);
                }
                String name = fieldName(headers);
                if (name != null) {
                    map.put(name, new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                }
            }
            pos = next;
        }
        return map;
    }

    private static String boundary(String contentType) {
        for (String piece : contentType.split(";")) {
            String t = piece.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    private static String fieldName(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                int i = line.indexOf("name=\"");
                if (i >= 0) {
                    int end = line.indexOf('"', i + 6);
                    return end < 0 ? null : line.substring(i + 6, end);
                }
            }
        }
        return null;
    }
}
