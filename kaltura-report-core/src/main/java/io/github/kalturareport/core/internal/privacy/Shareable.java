package io.github.kalturareport.core.internal.privacy;

import io.github.kalturareport.core.report.ColumnDefinition.Personal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a value may appear in what travels (the console, JUnit XML, Markdown, JSON, HTML): never a person's
 * name, an e-mail address only masked.
 *
 * <p>An e-mail-shaped value is a local part (letters, digits and the symbols RFC 5322 allows there but {@code =}, which
 * separates a column from its value in what is shown), an {@code @},
 * and a domain of at least two labels (letters, digits, {@code -}) joined by dots. It is masked to its first
 * character, {@code …}, the {@code @} and the domain: {@code alice.smith@example.edu} becomes
 * {@code a…@example.edu}. The domain stays: it names the institution, not the person.
 */
public final class Shareable {

    /** What a value that may not be shown at all is shown as. */
    public static final String HIDDEN = "(hidden)";

    private static final Pattern EMAIL = Pattern.compile(
            "([\\p{L}\\p{N}._%+'!#$&*/?^`{|}~-])[\\p{L}\\p{N}._%+'!#$&*/?^`{|}~-]*@"
                    + "([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");

    private Shareable() {
    }

    /** The text with every e-mail-shaped part masked; anything else unchanged. */
    public static String maskEmails(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = EMAIL.matcher(text);
        StringBuilder b = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + "…@" + m.group(2)));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * A cell of a column of this kind as it may be shown: a pseudonym or an empty value as is; a name
     * ({@link Personal#NAME}) never; an e-mail address masked, and a value of an e-mail column that is not one
     * hidden; any other value with its e-mail-shaped parts masked.
     */
    public static String value(Personal kind, String value) {
        if (value == null || value.isEmpty() || Pseudonymizer.isPseudonym(value)) {
            return value;
        }
        return switch (kind) {
            case NAME -> HIDDEN;
            case EMAIL -> EMAIL.matcher(value).matches() ? maskEmails(value) : HIDDEN;
            case USER_ID, NONE -> maskEmails(value);
        };
    }
}
