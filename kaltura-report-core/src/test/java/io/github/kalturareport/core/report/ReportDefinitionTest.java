package io.github.kalturareport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportDefinitionTest {

    @Test
    void documentedReportsHaveTheContractsColumnsInOrder() {
        assertThat(ReportDefinition.ROOMS.columns()).extracting(ColumnDefinition::name).containsExactly(
                "entry_id", "entry_name", "parent_entry_id", "cue_point_id", "session_start_time",
                "session_end_time", "session_host_user_id", "meeting_view_period_unique_users",
                "meeting_engaged_play_time_ratio");
        assertThat(ReportDefinition.ATTENDEES.columns()).extracting(ColumnDefinition::name).containsExactly(
                "entry_id", "cue_point_id", "user_id", "user_name", "user_email", "user_type", "meeting_view_time",
                "meeting_engaged_play_time_ratio");
        assertThat(ReportDefinition.BREAKOUTS.columns()).extracting(ColumnDefinition::name).containsExactly(
                "parent_entry_id", "parent_entry_name", "breakout_entry_id", "breakout_entry_name", "cue_point_id",
                "session_initiator", "session_start_time", "session_end_time", "duration", "participant_count",
                "engagement_rate");
    }

    @Test
    void parsesNamesIdsAndCustomIds() {
        assertThat(ReportDefinition.parse("rooms")).isSameAs(ReportDefinition.ROOMS);
        assertThat(ReportDefinition.parse(" Attendees ")).isSameAs(ReportDefinition.ATTENDEES);
        assertThat(ReportDefinition.parse("6002")).isSameAs(ReportDefinition.BREAKOUTS);
        ReportDefinition custom = ReportDefinition.parse("7001");
        assertThat(custom.isCustom()).isTrue();
        assertThat(custom.name()).isEqualTo("report-7001");
        assertThat(custom.fileName()).isEqualTo("report-7001.csv");
        assertThat(custom.resolveMetric("anything")).contains("anything");
    }

    @Test
    void rejectsUnknownNamesWithTheChoices() {
        assertThatThrownBy(() -> ReportDefinition.parse("room"))
                .hasMessage("Unknown report 'room': use one of rooms, attendees, breakouts"
                        + " or a positive custom report id such as 6003.");
        assertThatThrownBy(() -> ReportDefinition.parse("0")).hasMessageContaining("Unknown report '0'");
        assertThatThrownBy(() -> ReportDefinition.parse("99999999999")).hasMessageContaining("99999999999");
    }

    @Test
    void engagementAliasResolvesPerReport() {
        assertThat(ReportDefinition.ROOMS.resolveMetric("engagement")).contains("meeting_engaged_play_time_ratio");
        assertThat(ReportDefinition.BREAKOUTS.resolveMetric("engagement")).contains("engagement_rate");
        assertThat(ReportDefinition.ATTENDEES.resolveMetric("viewTime")).contains("meeting_view_time");
        assertThat(ReportDefinition.ROOMS.resolveMetric("viewTime")).isEmpty();
        assertThat(ReportDefinition.ROOMS.resolveMetric("entry_id")).contains("entry_id");
    }

    @Test
    void breakoutsUseCamelCaseDateKeysAndTheirOwnFilters() {
        assertThat(ReportDefinition.BREAKOUTS.fromDateKey()).isEqualTo("fromDate");
        assertThat(ReportDefinition.ROOMS.toDateKey()).isEqualTo("to_date");
        assertThat(ReportDefinition.BREAKOUTS.filters().keySet()).containsExactly(Filter.PARENT_ENTRY_IDS,
                Filter.VIRTUAL_EVENT_IDS);
        assertThat(ReportDefinition.ATTENDEES.filters()).containsEntry(Filter.CUE_POINT_IDS, "cue_point_ids");
        assertThat(ReportDefinition.byId(6003).filters()).isEmpty();
    }

    @Test
    void filtersGoByTheNamesUsersWrite() {
        assertThat(Filter.values()).extracting(Filter::parameter).containsExactly("entryIds", "virtualEventIds",
                "userIds", "cuePointIds", "parentEntryIds");
        assertThat(Filter.byParameter("userIds")).contains(Filter.USER_IDS);
        assertThat(Filter.byParameter("UserIds")).isEmpty();
        assertThat(Filter.ENTRY_IDS).hasToString("entryIds");
    }
}
