package io.github.kalturareport.core.check;

/** Hears what {@link ThresholdChecker#check} finds as it goes; every method does nothing unless overridden. */
public interface CheckListener {

    /** One rule's verdict for one group (called for every result, pass or fail). */
    default void ruleEvaluated(RuleResult result) {
    }

    /** Something the user should know that is not a rule's verdict, e.g. an input file that is absent. */
    default void warning(String message) {
    }
}
