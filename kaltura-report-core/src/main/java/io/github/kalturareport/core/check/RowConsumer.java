package io.github.kalturareport.core.check;

import io.github.kalturareport.core.KalturaReportException;
import org.apache.commons.csv.CSVRecord;

/** Something that takes the rows of one report file during its single pass (overview, charts). */
@FunctionalInterface
interface RowConsumer {

    /**
     * @param record the row
     * @param line   the line it starts on (the header is line 1)
     */
    void accept(CSVRecord record, long line) throws KalturaReportException;
}
