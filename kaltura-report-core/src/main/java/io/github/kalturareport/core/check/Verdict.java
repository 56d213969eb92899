package io.github.kalturareport.core.check;

/** The outcome of one rule for one group. */
public enum Verdict {
    /** The actual value is within the bounds. */
    PASS,
    /** The actual value is outside the bounds (a breach of the rule's severity). */
    FAIL,
    /** There was no value to judge (no rows, or a group whose rows were all filtered out), and the rule's
     * {@link OnEmpty} says so. Reported, never a breach. */
    NO_DATA
}
