package io.github.kalturareport.core.internal.privacy;

import java.util.List;
import java.util.Objects;

/**
 * What a fetch does to one report's personal columns while it streams: the columns asked to be left out (they must
 * not arrive) and the columns whose values become pseudonyms.
 *
 * @param dropped       sent as {@code excludedFields}; a response that still holds one is refused
 * @param pseudonymized replaced by pseudonyms while streaming
 * @param pseudonymizer the keyed hash; null when nothing is pseudonymised
 */
public record ColumnPolicy(List<String> dropped, List<String> pseudonymized, Pseudonymizer pseudonymizer) {

    /** Every column as the server sends it. */
    public static final ColumnPolicy KEEP = new ColumnPolicy(List.of(), List.of(), null);

    public ColumnPolicy {
        dropped = List.copyOf(dropped);
        pseudonymized = List.copyOf(pseudonymized);
        if (!pseudonymized.isEmpty()) {
            Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        }
    }

    @Override
    public String toString() {
        return "ColumnPolicy[dropped=" + dropped + ", pseudonymized=" + pseudonymized + "]";
    }
}
