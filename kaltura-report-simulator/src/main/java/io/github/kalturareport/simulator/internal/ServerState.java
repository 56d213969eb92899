package io.github.kalturareport.simulator.internal;

import io.github.kalturareport.simulator.AppToken;
import java.time.Clock;
import java.util.Map;

/**
 * What the simulated server knows: its one partner and secret, the dataset, the row cap, the app tokens, the clock,
 * the faults in force, the request log, whether report rows come shuffled, and how the Reports microservice's
 * sessions behave.
 */
public record ServerState(int partnerId, String adminSecret, Dataset dataset, int rowCap,
        Map<String, AppToken> appTokens, Clock clock, FaultPlan faults, RequestLog log, boolean shuffleRows,
        ServiceOptions service) {

    public long now() {
        return clock.instant().getEpochSecond();
    }
}
