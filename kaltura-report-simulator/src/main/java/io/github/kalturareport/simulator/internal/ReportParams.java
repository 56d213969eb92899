package io.github.kalturareport.simulator.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code params} string of getCsvFromStringParams, read as the server reads it (docs/kaltura-protocol.md, The
 * params string): pairs split on every {@code ;}; each pair trimmed as a whole (PHP trim) and split on every
 * {@code =}, the key being what comes before the first and the value only what lies between the first and the
 * second (so {@code a=b=c} gives {@code a} = {@code b}, and {@code " a = b "} gives the key {@code "a "}); a pair
 * without {@code =} has no value; the last of a repeated key wins; unknown keys are ignored. No params at all is
 * a report without filters.
 */
public final class ReportParams {
    private final Map<String, String> values = new HashMap<>();

    public ReportParams(String params) {
        if (params == null) {
            return;
        }
        for (String pair : params.split(";", -1)) {
            String[] parts = phpTrim(pair).split("=", -1);
            values.put(parts[0], parts.length > 1 ? parts[1] : null);
        }
    }

    /** PHP's trim: only space, tab, LF, CR, NUL and vertical tab (Java's trim also strips other controls). */
    static String phpTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPhpSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPhpSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isPhpSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\u000B';
    }

    /** The raw value of a key, or null when absent, empty or without {@code =}. */
    public String value(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    /** A date bound as PHP's intval reads it (leading digits, else 0), or null when absent or empty. */
    public Long date(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        return phpIntval(v);
    }

    /** A comma-separated list, or null when absent or empty (no filter). */
    public Set<String> list(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        Set<String> set = new LinkedHashSet<>();
        for (String item : v.split(",")) {
            String t = item.trim();
            if (!t.isEmpty()) {
                set.add(t);
            }
        }
        return set.isEmpty() ? null : set;
    }

    static long phpIntval(String v) {
        String s = v.trim();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long n = 0;
        int digits = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && digits < 18) {
            n = n * 10 + (s.charAt(i) - '0');
            i++;
            digits++;
        }
        return negative ? -n : n;
    }
}
