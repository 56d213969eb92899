package io.github.kalturareport.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;

/** A CSV answer written as it is generated. */
public interface CsvBody {
    /** Writes the whole body (not flushing or closing {@code out}) and returns the data rows written. */
    long writeTo(OutputStream out) throws IOException;
}
