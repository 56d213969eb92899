package io.github.kalturareport.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {

    @Test
    void windowsTileTheRangeCutBetweenSessionsAndStayUnderTheTarget() {
        Random random = new Random(3);
        int n = 500;
        long[] starts = new long[n];
        long[] rows = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = 1_000 + random.nextInt(100_000); // in no order, some on the same second
            rows[i] = 1 + random.nextInt(300);
        }
        Window range = new Window(1_000, 101_000);
        List<Window> plan = WindowPlanner.plan(range, starts, rows, n, 8_000);

        assertThat(plan.get(0).from()).isEqualTo(range.from());
        assertThat(plan.get(plan.size() - 1).to()).isEqualTo(range.to());
        long total = 0;
        for (int w = 0; w < plan.size(); w++) {
            Window window = plan.get(w);
            if (w > 0) {
                assertThat(window.from()).isEqualTo(plan.get(w - 1).to() + 1);
                long cut = window.from();
                assertThat(starts).as("a cut falls on a session's start").contains(cut);
            }
            long held = 0;
            for (int i = 0; i < n; i++) {
                if (starts[i] >= window.from() && starts[i] <= window.to()) {
                    held += rows[i];
                }
            }
            assertThat(held).isLessThanOrEqualTo(8_000);
            total += held;
        }
        long sum = 0;
        for (long r : rows) {
            sum += r;
        }
        assertThat(total).isEqualTo(sum);
        assertThat(plan).hasSizeLessThanOrEqualTo((int) (sum / 8_000) + 2);
    }

    @Test
    void aRangeUnderTheTargetIsOneWindowAndNoSessionsIsTheWholeRange() {
        Window range = new Window(0, 86_399);
        assertThat(WindowPlanner.plan(range, new long[] {10, 20}, new long[] {5, 5}, 2, 100)).containsExactly(range);
        assertThat(WindowPlanner.plan(range, new long[0], new long[0], 0, 100)).containsExactly(range);
    }

    @Test
    void aCappedWindowIsSplitByTheStartTimesOfItsRowsWhateverTheirOrder() {
        Window window = new Window(0, 9_999);
        long[] starts = new long[3_000];
        Random random = new Random(5);
        for (int i = 0; i < starts.length; i++) {
            starts[i] = random.nextInt(8_000);
        }
        List<Window> pieces = WindowPlanner.splitByStarts(window, starts, starts.length, 2_400);
        assertThat(pieces).hasSize(4); // three of about 1,000 rows seen, and the part after the latest start
        assertThat(pieces.get(0).from()).isZero();
        assertThat(pieces.get(pieces.size() - 1).to()).isEqualTo(9_999);
        for (int i = 1; i < pieces.size(); i++) {
            assertThat(pieces.get(i).from()).isEqualTo(pieces.get(i - 1).to() + 1);
        }
    }

    @Test
    void rowsAllInTheLastSecondIsolateIt() {
        assertThat(WindowPlanner.splitByStarts(new Window(0, 99), new long[] {99, 99, 99}, 3, 2))
                .containsExactly(new Window(0, 98), new Window(99, 99));
        assertThat(WindowPlanner.splitByStarts(new Window(0, 99), new long[] {500}, 1, 2)).isEmpty();
    }
}
