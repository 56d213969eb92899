package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.internal.csv.CsvRow;

/** Something that takes the rows of one report file during its single pass (overview, charts). */
@FunctionalInterface
interface RowConsumer {

    /**
     * @param row    the row; valid only during this call (the reader reuses it)
     * @param line   the line it starts on (the header is line 1)
     */
    void accept(CsvRow row, long line) throws KalturaReportException;
}
