package io.github.kalturareport.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, from the build ({@code version.properties} is filtered by Maven); {@code dev} otherwise. */
public final class Version {

    /** E.g. {@code 0.1.0}; what the User-Agent, the clientTag and manifest.json say. */
    public static final String VALUE = read();

    private Version() {
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/io/github/kalturareport/core/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the version is informative only
        }
        String v = p.getProperty("version", "");
        return v.isEmpty() || v.startsWith("${") ? "dev" : v;
    }
}
