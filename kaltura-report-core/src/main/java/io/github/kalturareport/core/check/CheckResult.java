package io.github.kalturareport.core.check;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ThresholdChecker#check} found and wrote.
 *
 * @param results      every verdict: per rule in the order given, per group in the order groups first appear
 * @param files        the files written (JUnit XML, Markdown, JSON, HTML)
 * @param consoleTable the lines of a table of every result: rule, group, actual, expected, verdict
 */
public record CheckResult(List<RuleResult> results, List<Path> files, List<String> consoleTable) {

    public CheckResult {
        results = List.copyOf(results);
        files = List.copyOf(files);
        consoleTable = List.copyOf(consoleTable);
    }

    /** Breaches of {@code error} rules: the caller fails the build on these (unless told not to). */
    public List<RuleResult> errors() {
        return results.stream().filter(RuleResult::isError).toList();
    }

    /** Breaches of {@code warning} rules: reported, never a failure. */
    public List<RuleResult> warnings() {
        return results.stream().filter(RuleResult::isWarning).toList();
    }
}
