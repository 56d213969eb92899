package io.github.kalturareport.simulator.internal;

import io.github.kalturareport.simulator.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults in force and their counters. Decisions are repeatable: each fault counts the matching requests that
 * reach it and draws from its own seeded random sequence. A fault that fires ends the evaluation of later faults
 * (except latency, which adds up), so faults added one after another script a sequence: {@code 503 first=1} then
 * {@code reset first=1} answers the first request with 503, the second with a reset, then normally.
 */
public final class FaultPlan {
    private final long seed;
    private final List<Entry> entries = new ArrayList<>();
    private int added;

    public FaultPlan(long seed) {
        this.seed = seed;
    }

    private static final class Entry {
        final Fault fault;
        final SplittableRandom random;
        int matched;

        Entry(Fault fault, SplittableRandom random) {
            this.fault = fault;
            this.random = random;
        }
    }

    /**
     * The outcome for one request: a delay, a delay per report row sent, and the fault that replaces the normal
     * answer (or null).
     */
    public record Decision(long latencyMillis, long perRowNanos, Fault latency, Fault terminal) {
    }

    public synchronized void add(Fault fault) {
        entries.add(new Entry(fault, new SplittableRandom(Mix.hash(seed, 77, added++))));
    }

    public synchronized void clear() {
        entries.clear();
        added = 0;
    }

    public synchronized List<Fault> faults() {
        List<Fault> list = new ArrayList<>();
        for (Entry e : entries) {
            list.add(e.fault);
        }
        return list;
    }

    public synchronized Decision decide(String service, String action) {
        return decide(service, action, null);
    }

    /** As {@link #decide(String, String)}, for a request naming a report id ({@code id}), or null. */
    public synchronized Decision decide(String service, String action, String reportId) {
        long latency = 0;
        long perRow = 0;
        Fault latencyFault = null;
        Fault terminal = null;
        for (Entry e : entries) {
            if (!e.fault.matches(service, action, reportId)) {
                continue;
            }
            boolean isLatency = e.fault.kind() == Fault.Kind.LATENCY;
            if (!isLatency && terminal != null) {
                continue;
            }
            e.matched++;
            boolean withinFirst = e.fault.first() == 0 || e.matched <= e.fault.first();
            double draw = e.random.nextDouble();
            boolean fires = withinFirst && (e.fault.rate() >= 1.0 || draw < e.fault.rate());
            if (!fires) {
                continue;
            }
            if (isLatency) {
                latency += e.fault.latencyMillis();
                perRow += e.fault.perRowNanos();
                latencyFault = e.fault;
            } else {
                terminal = e.fault;
            }
        }
        return new Decision(latency, perRow, latencyFault, terminal);
    }
}
