package io.github.kalturareport.core.check;

import io.github.kalturareport.core.RuleException;
import java.util.Map;

/**
 * Where a rule was written, so a problem found later (a column missing from a custom report's header) can still
 * point a caret at the user's text.
 *
 * @param parameter {@code rules} or {@code thresholds}
 * @param intro     how messages about it begin, e.g. {@code Bad rule in 'rules'}
 * @param text      the rule's text (for the structured form, its elements on one line)
 * @param spans     part name ({@code report}, {@code metric}, {@code groupBy}, {@code where} …) to {start, length}
 */
public record RuleSource(String parameter, String intro, String text, Map<String, int[]> spans) {

    /** A {@link RuleException} whose caret underlines the given part (or the whole text when unknown). */
    public RuleException error(String part, String problem) {
        int[] span = spans.get(part);
        String message = intro + ": " + problem;
        return span == null ? new RuleException(parameter, message, text, text.length(), 1)
                : new RuleException(parameter, message, text, span[0], span[1]);
    }
}
