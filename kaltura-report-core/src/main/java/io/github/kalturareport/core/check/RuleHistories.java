package io.github.kalturareport.core.check;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.KalturaReportException;
import java.util.LinkedHashSet;
import java.util.Set;

/** Picks the history a check compares with and records into: the one place that knows the kinds of history. */
final class RuleHistories {

    private RuleHistories() {
    }

    /**
     * The history for the settings: their archive's check runs, else their baseline, else none. Both at once is
     * refused: the archive already holds the previous runs, and silently preferring one would hide the other.
     *
     * @throws ConfigurationException when both are given, or the baseline cannot serve (missing, not a
     *                                summary.json, too old)
     * @throws KalturaReportException  when the archive cannot be opened
     */
    static RuleHistory forCheck(CheckSettings settings) throws KalturaReportException {
        if (settings.archive() != null && settings.baseline() != null) {
            throw new ConfigurationException("baseline", "Both an archive and a baseline are given. With an archive"
                    + " the previous values come from the archive's earlier check runs, so baseline ("
                    + settings.baseline() + ") is not needed; remove one of the two.");
        }
        if (settings.archive() != null) {
            return ArchiveRuleHistory.opened(settings.archive());
        }
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
