package io.github.kalturareport.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kalturareport.core.report.Filter;
import io.github.kalturareport.core.report.ReportDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportRequestTest {

    @Test
    void datesThenFiltersUnderEachReportsKeys() {
        Map<Filter, List<String>> filters = new LinkedHashMap<>();
        filters.put(Filter.ENTRY_IDS, List.of("1_a", "1_b"));
        filters.put(Filter.VIRTUAL_EVENT_IDS, List.of("7"));
        assertThat(ReportRequest.params(ReportDefinition.ROOMS, filters, 100, 199))
                .isEqualTo("from_date=100;to_date=199;entry_ids=1_a,1_b;virtual_event_ids=7");
        assertThat(ReportRequest.params(ReportDefinition.BREAKOUTS, Map.of(), 1, 2)).isEqualTo("fromDate=1;toDate=2");
    }

    @Test
    void aCustomReportGetsTheDocumentedReportsKey() {
        assertThat(ReportRequest.paramsKey(ReportDefinition.byId(6003), Filter.PARENT_ENTRY_IDS))
                .isEqualTo("parentEntryIds");
        assertThat(ReportRequest.paramsKey(ReportDefinition.byId(6003), Filter.CUE_POINT_IDS))
                .isEqualTo("cue_point_ids");
        assertThat(ReportRequest.paramsKey(ReportDefinition.ROOMS, Filter.USER_IDS)).isNull();
    }
}
