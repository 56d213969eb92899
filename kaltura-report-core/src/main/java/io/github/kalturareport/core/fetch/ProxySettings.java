package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.internal.http.NonProxyHosts;
import java.util.List;

/**
 * An HTTP proxy: its address, optional basic authentication, and the hosts reached without it.
 *
 * @param host          the proxy's host
 * @param port          the proxy's port
 * @param username      null when the proxy needs no authentication
 * @param password      null when the proxy needs no authentication; never shown by {@link #toString()}
 * @param nonProxyHosts hosts reached directly, patterns such as {@code *.example.org} or {@code localhost}, several
 *                      in one string separated by {@code |}; may be null
 */
public record ProxySettings(String host, int port, String username, String password, List<String> nonProxyHosts) {

    public ProxySettings {
        nonProxyHosts = NonProxyHosts.patterns(nonProxyHosts);
    }

    /** Whether a host is to be reached without the proxy: a pattern with {@code *} wildcards, case-insensitive. */
    public boolean bypasses(String targetHost) {
        return NonProxyHosts.matches(nonProxyHosts, targetHost);
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (username == null ? "" : ", user " + username + " ****")
                + ", nonProxyHosts=" + nonProxyHosts + "]";
    }
}
