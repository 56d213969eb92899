package io.github.kalturareport.core.internal.csv;

import java.io.IOException;

/** The input is not well-formed CSV in UTF-8; the message names the line and what is wrong there. */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final boolean atEndOfInput;

    public CsvFormatException(String message, long line, boolean atEndOfInput) {
        super(message);
        this.line = line;
        this.atEndOfInput = atEndOfInput;
    }

    /** The line where the problem is (the first line of the input is 1). */
    public long line() {
        return line;
    }

    /**
     * Whether the problem is that the input stopped (inside a quoted value, or inside a character): a body cut
     * short looks like this, where a malformed one does not.
     */
    public boolean atEndOfInput() {
        return atEndOfInput;
    }
}
