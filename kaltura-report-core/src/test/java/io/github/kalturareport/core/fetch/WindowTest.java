package io.github.kalturareport.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void halvesCoverEverySecondExactlyOnce() {
        Window w = new Window(100, 109);
        assertThat(w.firstHalf()).isEqualTo(new Window(100, 104));
        assertThat(w.secondHalf()).isEqualTo(new Window(105, 109));
        Window odd = new Window(100, 110);
        assertThat(odd.firstHalf()).isEqualTo(new Window(100, 105));
        assertThat(odd.secondHalf()).isEqualTo(new Window(106, 110));
        Window two = new Window(7, 8);
        assertThat(two.firstHalf()).isEqualTo(new Window(7, 7));
        assertThat(two.secondHalf()).isEqualTo(new Window(8, 8));
        assertThat(new Window(7, 7).splittable()).isFalse();
    }

    @Test
    void recursiveSplittingDownToSecondsTilesTheRange() {
        Deque<Window> todo = new ArrayDeque<>(List.of(new Window(1_700_000_000L, 1_700_000_999L)));
        List<Window> leaves = new ArrayList<>();
        while (!todo.isEmpty()) {
            Window w = todo.pop();
            if (w.splittable() && w.to() - w.from() > 37) {
                todo.push(w.secondHalf());
                todo.push(w.firstHalf());
            } else {
                leaves.add(w);
            }
        }
        long expected = 1_700_000_000L;
        for (Window leaf : leaves) {
            assertThat(leaf.from()).isEqualTo(expected);
            expected = leaf.to() + 1;
        }
        assertThat(expected).isEqualTo(1_700_001_000L);
    }
}
