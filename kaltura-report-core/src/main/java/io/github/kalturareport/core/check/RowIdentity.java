package io.github.kalturareport.core.check;

import io.github.kalturareport.core.internal.csv.CsvRow;
import io.github.kalturareport.core.internal.privacy.Shareable;
import io.github.kalturareport.core.report.ColumnDefinition.Personal;
import io.github.kalturareport.core.report.ColumnType;
import io.github.kalturareport.core.report.PersonalData;
import io.github.kalturareport.core.report.ReportDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What identifies a row of one file, as it may be shown: the report's identifying columns
 * ({@link ReportDefinition#identityColumns()}) looked up once in the header; a row's values are read only for an
 * offending row, each through {@link Shareable} (an e-mail address masked, a name never shown), start times in
 * ISO-8601 in the check's zone. Values the fetch dropped are simply absent.
 */
final class RowIdentity {

    private final List<String> columns;
    private final int[] indices;
    private final Personal[] kinds;
    private final boolean[] timestamps;
    private final ZoneId zone;

    RowIdentity(ReportFile file, PersonalData personal, ZoneId zone) {
        ReportDefinition report = file.report();
        this.columns = report.identityColumns();
        this.indices = new int[columns.size()];
        this.kinds = new Personal[columns.size()];
        this.timestamps = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            indices[i] = file.index(column);
            kinds[i] = personal.kind(report, column);
            timestamps[i] = report.column(column).map(c -> c.type() == ColumnType.TIMESTAMP).orElse(false);
        }
        this.zone = zone;
    }

    /** The identifying columns of the row to their shown values. */
    Map<String, String> of(CsvRow row) {
        Map<String, String> identity = new LinkedHashMap<>();
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] >= 0) {
                String cell = ReportFile.cell(row, indices[i]);
                identity.put(columns.get(i), timestamps[i] ? time(cell) : Shareable.value(kinds[i], cell));
            }
        }
        return identity;
    }

    /** Unix seconds as an ISO-8601 date-time; any other text (already ISO, or kept in lenient mode) masked as text. */
    private String time(String cell) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(Long.parseLong(cell))
                    .atZone(zone));
        } catch (RuntimeException notSeconds) {
            return Shareable.maskEmails(cell);
        }
    }
}
