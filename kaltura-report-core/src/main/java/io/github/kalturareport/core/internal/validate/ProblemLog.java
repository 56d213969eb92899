package io.github.kalturareport.core.internal.validate;

import java.util.ArrayList;
import java.util.List;

/** Keeps the first problems found and counts the rest, so that a bad report cannot exhaust memory. */
public final class ProblemLog {

    /** Problems kept and shown; the rest are only counted. */
    public static final int LIMIT = 100;

    private final List<Problem> kept = new ArrayList<>();
    private long total;

    public void add(Problem problem) {
        total++;
        if (kept.size() < LIMIT) {
            kept.add(problem);
        }
    }

    public List<Problem> kept() {
        return kept;
    }

    public long total() {
        return total;
    }
}
