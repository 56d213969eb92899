package io.github.kalturareport.core.internal.http;

import java.util.List;
import java.util.Locale;

/**
 * Host patterns reached without the proxy, as proxy settings usually write them: {@code *} is a wildcard, case does
 * not matter, and several patterns may share one string separated by {@code |}.
 */
public final class NonProxyHosts {

    private NonProxyHosts() {
    }

    /** The patterns one by one: {@code |}-separated strings split, blanks dropped; null gives none. */
    public static List<String> patterns(List<String> values) {
        return values == null ? List.of() : values.stream()
                .flatMap(p -> List.of(p.split("\\|")).stream())
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /** Whether a host matches one of the patterns. */
    public static boolean matches(List<String> patterns, String targetHost) {
        String h = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            String regex = ("\\Q" + pattern.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q");
            if (h.matches(regex)) {
                return true;
            }
        }
        return false;
    }
}
