package io.github.kalturareport.maven;

import java.io.File;
import java.util.Properties;

/**
 * Lets a {@code -D} user property given on the command line win over the same parameter configured in the POM.
 *
 * <p>Maven injects a user property only into parameters the POM leaves unset; a pipeline that runs
 * {@code mvn kaltura-report:fetch -Dkaltura.period=LAST_7_DAYS} against a POM that configures {@code <period>}
 * expects its {@code -D} to count (CONTRACT.md), so each Mojo asks this class for every parameter's final value.
 */
final class UserPropertyOverrides {

    private final Properties userProperties;

    UserPropertyOverrides(Properties userProperties) {
        this.userProperties = userProperties == null ? new Properties() : userProperties;
    }

    /** The command line's value of {@code property} when given there, else {@code configured}. */
    String string(String property, String configured) {
        String value = userProperties.getProperty(property);
        return value != null ? value : configured;
    }

    /** As {@link #string}, for a flag; {@code -Dkaltura.skip} alone (an empty value) means {@code true}. */
    boolean flag(String property, boolean configured) {
        String value = userProperties.getProperty(property);
        if (value == null) {
            return configured;
        }
        return value.isBlank() || Boolean.parseBoolean(value.trim());
    }

    /** As {@link #string}, for a directory; a relative path is taken from the project's base directory. */
    File file(String property, File configured, File basedir) {
        String value = userProperties.getProperty(property);
        if (value == null || value.isBlank()) {
            return configured;
        }
        File file = new File(value.trim());
        return file.isAbsolute() || basedir == null ? file : new File(basedir, value.trim());
    }
}
