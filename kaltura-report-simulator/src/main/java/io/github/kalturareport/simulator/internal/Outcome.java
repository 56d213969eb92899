package io.github.kalturareport.simulator.internal;

/** What an action answers, before it is written to the wire. */
interface Outcome {

    /** A result object or string, serialised per {@code format}. */
    record Result(Object value) implements Outcome {
    }

    /** An API error inside an HTTP 200, serialised per {@code format}. */
    record Error(ApiException error) implements Outcome {
    }

    /** An error thrown inside a file action: an empty HTTP 200 with X-Kaltura headers only. */
    record FileError(String code, String message) implements Outcome {
    }

    /** A CSV report, streamed. */
    record Report(int id, CsvBody report) implements Outcome {
    }
}
