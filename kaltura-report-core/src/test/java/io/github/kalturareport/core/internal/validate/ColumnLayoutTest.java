package io.github.kalturareport.core.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.report.ColumnType;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnLayoutTest {

    @Test
    void aMissingOptionalColumnIsNeitherMissingNorExtraAndANewOneIsExtra() {
        ColumnLayout layout = ColumnLayout.of(ReportDefinition.CHAT_TRANSCRIPTS,
                List.of("messageId", "entryId", "userId", "message", "likes", "reactionsCount"), List.of());
        assertThat(layout.missing()).isEmpty();
        assertThat(layout.extra()).containsExactly("reactionsCount");
        assertThat(layout.type(4)).isEqualTo(ColumnType.COUNT);
        assertThat(layout.type(5)).isNull();
    }

    @Test
    void aMissingRequiredColumnIsMissing() {
        ColumnLayout layout = ColumnLayout.of(ReportDefinition.CHAT_TRANSCRIPTS,
                List.of("entryId", "userId", "message"), List.of());
        assertThat(layout.missing()).containsExactly("messageId");
    }

    @Test
    void theRoomReportsStillRequireEveryDocumentedColumn() {
        ColumnLayout layout = ColumnLayout.of(ReportDefinition.ROOMS, List.of("entry_id", "entry_name"), List.of());
        assertThat(layout.missing()).hasSize(7);
    }

    @Test
    void aCustomReportExpectsItsDeclaredColumnsAndWarnsOfOthers() {
        ColumnLayout layout = ColumnLayout.of(ReportDefinition.byId(7001), List.of("a", "c"), List.of("a", "b"));
        assertThat(layout.missing()).containsExactly("b");
        assertThat(layout.extra()).containsExactly("c");
        assertThat(ColumnLayout.of(ReportDefinition.byId(7001), List.of("a"), List.of()).extra()).isEmpty();
    }
}
