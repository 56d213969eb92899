package io.github.kalturareport.core.check;

import java.util.Locale;
import java.util.Optional;

/**
 * What a rule concludes when it has no value to judge: the report has no rows, no row matches its {@code where},
 * or a group's rows were all filtered out or had an empty cell. Written {@code onEmpty} in both rule forms.
 */
public enum OnEmpty {
    /** The default: the rule is reported as {@link Verdict#NO_DATA} (a skipped test case), never a breach. */
    NODATA,
    /** No data is a breach of the rule's severity ({@link Verdict#FAIL}). */
    FAIL,
    /** No data is acceptable ({@link Verdict#PASS}). */
    PASS;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<OnEmpty> parse(String text) {
        for (OnEmpty value : values()) {
            if (value.text().equalsIgnoreCase(text.trim())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
