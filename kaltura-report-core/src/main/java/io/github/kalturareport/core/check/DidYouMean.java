package io.github.kalturareport.core.check;

import java.util.Collection;
import java.util.Locale;

/**
 * Finds the word a misspelt part of a rule most likely meant, so a message can say "did you mean 'mean'?". Only a
 * close word is offered (an edit distance of at most 2, at most 1 for words of 3 letters or fewer, or one word
 * starting with the other of at least 3 letters): a far-fetched guess would mislead more than the plain list.
 */
final class DidYouMean {

    private DidYouMean() {
    }

    /** {@code "did you mean 'X'? Or "} for the closest candidate, or {@code ""} when none is close. */
    static String hint(String written, Collection<String> candidates) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        String w = written.strip().toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(w, c);
            int limit = Math.min(w.length(), c.length()) <= 3 ? 1 : 2;
            boolean prefix = Math.min(w.length(), c.length()) >= 3 && (c.startsWith(w) || w.startsWith(c));
            // A prefix match ranks after every close spelling: "user" is a start of several columns.
            int score = distance <= limit ? distance : prefix ? limit + 1 : Integer.MAX_VALUE;
            if (score < bestScore && !c.equals(w)) {
                best = candidate;
                bestScore = score;
            }
        }
        return best == null ? "" : "did you mean '" + best + "'? Or ";
    }

    /** The Levenshtein distance (insertions, deletions and substitutions of one character each). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
