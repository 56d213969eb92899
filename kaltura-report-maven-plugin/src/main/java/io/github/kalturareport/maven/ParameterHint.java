package io.github.kalturareport.maven;

import io.github.kalturareport.core.ConfigurationException;
import java.util.Map;
import java.util.Set;

/**
 * Tells a Maven user where a setting the core rejected comes from: the POM element and the {@code -D} property,
 * since the core names only its own parameter.
 */
final class ParameterHint {

    /** The Mojo parameters whose user property is {@code kaltura.<same name>}. */
    private static final Set<String> SAME_NAME = Set.of("serviceUrl", "region", "partnerId", "serverId", "reports",
            "period", "from", "to", "timeZone", "entryIds", "virtualEventIds", "userIds", "cuePointIds",
            "parentEntryIds", "outputDirectory", "descriptiveHeaders", "lenient", "concurrency", "maxRetries",
            "connectTimeout", "responseTimeout", "rowCap", "rules", "haltOnFailure");

    /** Parameters whose user property has another name, or none ({@code null}). */
    private static final Map<String, String> OTHER = Map.of("inputDirectory", "kaltura.outputDirectory");

    private ParameterHint() {
    }

    /** The core's message followed by where the parameter is set, when it is one of the plugin's. */
    static String message(ConfigurationException e) {
        String parameter = e.parameter();
        String property = parameter == null ? null
                : SAME_NAME.contains(parameter) ? "kaltura." + parameter : OTHER.get(parameter);
        if (property == null) {
            return "thresholds".equals(parameter) ? e.getMessage() + " [POM: <thresholds>]" : e.getMessage();
        }
        return e.getMessage() + " [POM: <" + parameter + ">, command line: -D" + property + "]";
    }
}
