package io.github.kalturareport.core.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RuleHistory} kept in memory, for tests: the seam the archive implements, with the same meaning
 * (previous = the latest earlier run that had the quantity and group; series oldest first).
 */
final class InMemoryHistory implements RuleHistory {

    record Recorded(Run run, List<Entry> entries) {
    }

    final List<Recorded> runs = new ArrayList<>();

    /** Adds an earlier run whose results are the given groups' values of one quantity. */
    InMemoryHistory earlier(Instant at, String quantityKey, Map<String, Double> values) {
        List<Entry> entries = new ArrayList<>();
        values.forEach((group, value) -> entries.add(new Entry(quantityKey, quantityKey, group, value, null, null,
                "PASS", null)));
        runs.add(new Recorded(new Run(at, null, null), entries));
        return this;
    }

    @Override
    public Map<String, Double> previous(String quantityKey) {
        Map<String, Double> latest = new HashMap<>();
        for (Recorded r : runs) {
            for (Entry e : r.entries()) {
                if (e.quantityKey().equals(quantityKey) && e.actual() != null) {
                    latest.put(e.group(), e.actual());
                }
            }
        }
        return latest;
    }

    @Override
    public List<Point> series(String quantityKey, String group, int limit) {
        List<Point> points = new ArrayList<>();
        for (Recorded r : runs) {
            for (Entry e : r.entries()) {
                if (e.quantityKey().equals(quantityKey) && e.group().equals(group) && e.actual() != null) {
                    points.add(new Point(r.run().runAt(), e.actual()));
                    break;
                }
            }
        }
        return points.subList(Math.max(0, points.size() - limit), points.size());
    }

    @Override
    public void record(Run run, List<Entry> results) {
        runs.add(new Recorded(run, List.copyOf(results)));
    }
}
