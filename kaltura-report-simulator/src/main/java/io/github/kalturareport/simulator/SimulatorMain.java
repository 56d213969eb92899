package io.github.kalturareport.simulator;

/** Command-line entry point of the simulator (placeholder until the simulator lands). */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.out.println("kaltura-report simulator");
    }
}
