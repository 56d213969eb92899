package io.github.kalturareport.maven;

import io.github.kalturareport.core.fetch.ProxySettings;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Turns the settings.xml proxy that is active for the service URL's protocol into the core's {@link ProxySettings}. */
final class MavenProxies {

    private MavenProxies() {
    }

    /**
     * The active proxy for a URL of this protocol: the first active proxy whose {@code <protocol>} is this protocol,
     * else the first active {@code http} proxy ({@code http} when unset, as Maven reads it) — Maven itself reaches
     * https repositories through such a proxy, so the usual single {@code http} proxy serves the https API too. Its
     * password is decrypted; {@code null} when there is no such proxy.
     */
    static ProxySettings forProtocol(Settings settings, SettingsDecrypter decrypter, String protocol)
            throws MojoExecutionException {
        if (settings == null) {
            return null;
        }
        Proxy chosen = firstActive(settings, protocol);
        if (chosen == null) {
            chosen = firstActive(settings, "http");
        }
        if (chosen == null) {
            return null;
        }
        Proxy decrypted = decrypt(chosen, decrypter);
        return new ProxySettings(decrypted.getHost(), decrypted.getPort(), blankToNull(decrypted.getUsername()),
                blankToNull(decrypted.getPassword()), nonProxyHosts(decrypted.getNonProxyHosts()));
    }

    private static Proxy firstActive(Settings settings, String protocol) {
        for (Proxy proxy : settings.getProxies()) {
            String proxyProtocol = proxy.getProtocol() == null ? "http" : proxy.getProtocol();
            if (proxy.isActive() && proxyProtocol.equalsIgnoreCase(protocol)) {
                return proxy;
            }
        }
        return null;
    }

    /** Maven separates non-proxy host patterns with {@code |} (and accepts {@code ,}). */
    static List<String> nonProxyHosts(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[|,]")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    /** The protocol of the URL the fetch will call: the service URL's scheme, else https (the regions' URLs). */
    static String protocolOf(String serviceUrl) {
        if (serviceUrl == null || serviceUrl.isBlank()) {
            return "https";
        }
        int colon = serviceUrl.indexOf("://");
        return colon > 0 ? serviceUrl.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT) : "https";
    }

    private static Proxy decrypt(Proxy proxy, SettingsDecrypter decrypter) throws MojoExecutionException {
        if (decrypter == null) {
            return proxy;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoExecutionException("Cannot decrypt the password of the settings.xml <proxy> '"
                        + proxy.getId() + "': " + problem.getMessage()
                        + ". Check ~/.m2/settings-security.xml and re-encrypt it with mvn --encrypt-password.");
            }
        }
        return result.getProxy() != null ? result.getProxy() : proxy;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
