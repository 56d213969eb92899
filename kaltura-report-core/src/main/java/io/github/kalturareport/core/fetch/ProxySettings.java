package io.github.kalturareport.core.fetch;

import java.util.List;
import java.util.Locale;

/**
 * An HTTP proxy, as Maven's settings.xml describes one.
 *
 * @param host          the proxy's host
 * @param port          the proxy's port
 * @param username      null when the proxy needs no authentication
 * @param password      null when the proxy needs no authentication; never shown by {@link #toString()}
 * @param nonProxyHosts hosts reached directly, Maven-style patterns such as {@code *.example.org} or
 *                      {@code localhost}; may be null
 */
public record ProxySettings(String host, int port, String username, String password, List<String> nonProxyHosts) {

    public ProxySettings {
        nonProxyHosts = nonProxyHosts == null ? List.of() : nonProxyHosts.stream()
                .flatMap(p -> List.of(p.split("\\|")).stream())
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /** Whether a host is to be reached without the proxy: a pattern with {@code *} wildcards, case-insensitive. */
    public boolean bypasses(String targetHost) {
        String h = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            String regex = ("\\Q" + pattern.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q");
            if (h.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (username == null ? "" : ", user " + username + " ****")
                + ", nonProxyHosts=" + nonProxyHosts + "]";
    }
}
