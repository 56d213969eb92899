package io.github.kalturareport.simulator.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How the Reports microservice's sessions behave.
 *
 * @param pollsBeforeCompletion status polls answered with a progress status before {@code completed} (or
 *                              {@code failed})
 * @param progressStatuses      the statuses of those polls, in order; the last repeats
 * @param failing               report names whose sessions end {@code failed}
 * @param stalled               report names whose sessions never complete
 * @param sessionTtl            how long a session is known after generate, on the simulator's clock
 */
public record ServiceOptions(int pollsBeforeCompletion, List<String> progressStatuses, Set<String> failing,
        Set<String> stalled, Duration sessionTtl) {

    public ServiceOptions {
        if (pollsBeforeCompletion < 0) {
            throw new IllegalArgumentException("The polls before completion must be 0 or more, not "
                    + pollsBeforeCompletion + ".");
        }
        if (progressStatuses.isEmpty()) {
            throw new IllegalArgumentException("At least one progress status is needed (e.g. pending).");
        }
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("The report session TTL must be positive, not " + sessionTtl + ".");
        }
        progressStatuses = List.copyOf(progressStatuses);
        failing = Set.copyOf(failing);
        stalled = Set.copyOf(stalled);
    }
}
