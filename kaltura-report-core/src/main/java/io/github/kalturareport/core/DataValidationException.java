package io.github.kalturareport.core;

import java.util.List;

/** A report's data failed validation; nothing was saved for it. */
public class DataValidationException extends KalturaReportException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public DataValidationException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Each problem names the file, line, column and value. */
    public List<String> problems() {
        return problems;
    }
}
