package io.github.kalturareport.core.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongHashSetTest {

    @Test
    void countsDistinctHashesAndIsEmptyAgainAfterClearWithItsTableKept() {
        LongHashSet set = new LongHashSet();
        for (long i = 0; i < 1000; i++) {
            set.add(LongHashSet.hash("u" + (i % 300)));
        }
        assertThat(set.size()).isEqualTo(300);
        int capacity = set.capacity();
        set.clear();
        assertThat(set.size()).isZero();
        assertThat(set.capacity()).isEqualTo(capacity);
        assertThat(set.add(LongHashSet.hash("u1"))).isTrue();
        assertThat(set.add(LongHashSet.hash("u1"))).isFalse();
        assertThat(set.add(0L)).isTrue(); // the hash 0 stands in for itself elsewhere; counted like any other
        assertThat(set.add(0L)).isFalse();
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void containsWhatWasAddedAcrossGrowthAndNothingElse() {
        LongHashSet set = new LongHashSet();
        assertThat(set.contains(0L)).isFalse();
        for (long i = 0; i < 1000; i += 2) {
            set.add(LongHashSet.hash("u" + i));
        }
        set.add(0L);
        for (long i = 0; i < 1000; i++) {
            assertThat(set.contains(LongHashSet.hash("u" + i))).as("u%d", i).isEqualTo(i % 2 == 0);
        }
        assertThat(set.contains(0L)).isTrue();
    }
}
