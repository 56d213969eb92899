package io.github.kalturareport.core.fetch;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.archive.ArchiveLocation;
import io.github.kalturareport.core.internal.archive.ReportTable;
import io.github.kalturareport.core.report.PersonalData;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.ArrayList;
import java.util.List;

/** What an archive asks of the other settings, checked before any request. */
final class ArchiveChecks {

    private ArchiveChecks() {
    }

    /** A dropped key column would leave the archive unable to tell rows apart: refused. */
    static void refuseDroppedKeys(ArchiveLocation archive, List<ReportDefinition> reports, PersonalData personal)
            throws ConfigurationException {
        if (archive == null) {
            return;
        }
        for (ReportDefinition report : reports) {
            List<String> dropped = new ArrayList<>(personal.columnsIn(report, PersonalData.Mode.DROP));
            dropped.retainAll(ReportTable.keyColumns(report));
            if (!dropped.isEmpty()) {
                throw new ConfigurationException("personalData", "Report " + report.name() + " cannot go into the"
                        + " archive with " + String.join(", ", dropped) + " dropped (personalData="
                        + personal.text() + "): the archive tells its rows apart by " + String.join(", ",
                        ReportTable.keyColumns(report)) + ". Pseudonymize " + String.join(", ", dropped)
                        + " instead (personalColumns=" + dropped.get(0) + "=pseudonymize), or fetch without the "
                        + "archive.");
            }
        }
    }
}
