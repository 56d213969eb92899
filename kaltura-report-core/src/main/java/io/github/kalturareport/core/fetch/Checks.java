package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import java.time.Duration;

/** The range checks the settings' parts share, with one wording. */
final class Checks {

    private Checks() {
    }

    static void requireRange(String parameter, int value, int min, int max) throws ConfigurationException {
        if (value < min || value > max) {
            throw new ConfigurationException(parameter, "Bad " + parameter + " " + value + ": use a whole number "
                    + "from " + min + " to " + max + ".");
        }
    }

    static void requirePositive(String parameter, Duration value) throws ConfigurationException {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ConfigurationException(parameter, "Bad " + parameter + " " + value
                    + ": use a positive duration.");
        }
    }
}
