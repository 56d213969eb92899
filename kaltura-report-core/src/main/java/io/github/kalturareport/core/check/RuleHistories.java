package io.github.kalturareport.core.check;

import io.github.kalturareport.core.ConfigurationException;
import java.util.LinkedHashSet;
import java.util.Set;

/** Picks the history a check compares with and records into: the one place that knows the kinds of history. */
final class RuleHistories {

    private RuleHistories() {
    }

    /**
     * The history for the settings: their baseline when one is set, else none. (An archive, when the settings name
     * one, is chosen here too, before the baseline.)
     *
     * @throws ConfigurationException when the baseline cannot serve (missing, not a summary.json, too old)
     */
    static RuleHistory forCheck(CheckSettings settings) throws ConfigurationException {
        if (settings.baseline() != null) {
            return BaselineHistory.read(settings.baseline(), quantityKeys(settings));
        }
        return RuleHistory.NONE;
    }

    private static Set<String> quantityKeys(CheckSettings settings) {
        Set<String> keys = new LinkedHashSet<>();
        settings.rules().forEach(rule -> keys.add(rule.quantityKey()));
        return keys;
    }
}
