package io.github.kalturareport.simulator.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code params} string of getCsvFromStringParams, read as the server reads it: pairs split on {@code ;}, each
 * on the first {@code =}, trimmed; the last of a repeated key wins; unknown keys are ignored.
 */
public final class ReportParams {
    private final Map<String, String> values = new HashMap<>();

    public ReportParams(String params) {
        if (params == null) {
            return;
        }
        for (String pair : params.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
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
