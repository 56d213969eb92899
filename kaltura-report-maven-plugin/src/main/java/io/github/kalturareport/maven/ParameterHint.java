package io.github.kalturareport.maven;

import io.github.kalturareport.core.ConfigurationException;

/**
 * Tells a Maven user where a setting the core rejected comes from: the POM element and the {@code -D} property,
 * read from the goal's descriptor, since the core names only its own parameter.
 */
final class ParameterHint {

    private ParameterHint() {
    }

    /** The core's message followed by where the parameter is set, when it is one of the goal's parameters. */
    static String message(ConfigurationException e, GoalParameters parameters) {
        String name = e.parameter();
        if (!parameters.has(name)) {
            return e.getMessage();
        }
        return e.getMessage() + parameters.property(name)
                .map(property -> " [POM: <" + name + ">, command line: -D" + property + "]")
                .orElse(" [POM: <" + name + ">]");
    }
}
