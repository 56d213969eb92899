package io.github.kalturareport.core;

/**
 * A threshold rule that cannot be used. The message has three parts: the problem and its fix, the rule's text,
 * and a caret line under the part of the text that is wrong, e.g.
 *
 * <pre>
 * Bad rule in 'rules': unknown aggregate 'meen'; did you mean 'mean'? Or use min, max, mean, wmean, sum, count, distinct, each or a percentile such as p95.
 *   attendees:meen(engagement) &gt;= 60%
 *             ^^^^
 * </pre>
 */
public class RuleException extends ConfigurationException {

    private final String ruleText;
    private final int position;

    /**
     * @param parameter the parameter the rule came from ({@code rules} or {@code thresholds})
     * @param problem   what is wrong and how to fix it, one line
     * @param ruleText  the rule as the user wrote it (one line)
     * @param position  the 0-based index in {@code ruleText} of the problem
     * @param length    how many characters to underline (at least one caret is drawn)
     */
    public RuleException(String parameter, String problem, String ruleText, int position, int length) {
        super(parameter, format(problem, ruleText, position, length));
        this.ruleText = ruleText;
        this.position = Math.max(0, Math.min(position, ruleText.length()));
    }

    /** The rule's text the caret points into. */
    public String ruleText() {
        return ruleText;
    }

    /** The 0-based index of the problem in {@link #ruleText()}. */
    public int position() {
        return position;
    }

    private static String format(String problem, String text, int position, int length) {
        int start = Math.max(0, Math.min(position, text.length()));
        int carets = Math.max(1, Math.min(length, Math.max(1, text.length() - start)));
        return problem + "\n" + "  " + text + "\n"
                + "  " + " ".repeat(start) + "^".repeat(carets);
    }
}
