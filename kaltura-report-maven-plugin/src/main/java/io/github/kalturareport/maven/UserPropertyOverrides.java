package io.github.kalturareport.maven;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Properties;

/**
 * Lets a {@code -D} user property given on the command line win over the same parameter configured in the POM.
 *
 * <p>Maven injects a user property only into parameters the POM leaves unset; a pipeline that runs
 * {@code mvn kaltura-report:fetch -Dkaltura.period=LAST_7_DAYS} against a POM that configures {@code <period>}
 * expects its {@code -D} to count (README, "Parameters"). So before a goal runs, every parameter whose property
 * the command line gives is set to the command line's value.
 */
final class UserPropertyOverrides {

    private final Properties userProperties;

    UserPropertyOverrides(Properties userProperties) {
        this.userProperties = userProperties == null ? new Properties() : userProperties;
    }

    /**
     * Sets each field of the goal whose parameter's property is on the command line: text as given, a flag by
     * {@link #flag}, a directory by {@link #file}.
     */
    void applyTo(Object mojo, GoalParameters parameters, File basedir) {
        for (String name : parameters.names()) {
            parameters.property(name).filter(userProperties::containsKey).ifPresent(property -> {
                Field field = field(mojo.getClass(), name);
                try {
                    if (field.getType() == boolean.class) {
                        field.setBoolean(mojo, flag(property, field.getBoolean(mojo)));
                    } else if (field.getType() == File.class) {
                        field.set(mojo, file(property, (File) field.get(mojo), basedir));
                    } else if (field.getType() == String.class) {
                        field.set(mojo, string(property, (String) field.get(mojo)));
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("The plugin cannot set its own parameter " + name, e);
                }
            });
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new IllegalStateException("The descriptor names a parameter " + name + " that " + type + " lacks");
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
