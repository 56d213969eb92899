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
                .hasMessage("Unknown report 'room': use one of rooms, attendees, breakouts, reactions,"
                        + " chatTranscripts, chatModeration, pollsActivity, chatActivity"
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

    @Test
    void issue14ReportsHaveTheirNamesColumnsAndFilters() {
        assertThat(ReportDefinition.parse("4021")).isSameAs(ReportDefinition.REACTIONS);
        assertThat(ReportDefinition.parse("chattranscripts")).isSameAs(ReportDefinition.CHAT_TRANSCRIPTS);
        assertThat(ReportDefinition.known()).extracting(ReportDefinition::name).containsExactly("rooms",
                "attendees", "breakouts", "reactions", "chatTranscripts", "chatModeration", "pollsActivity",
                "chatActivity");
        assertThat(ReportDefinition.documented()).hasSize(3);
        assertThat(ReportDefinition.REACTIONS.columns()).extracting(ColumnDefinition::name).containsExactly("email",
                "combined_live_engaged_users_play_time_ratio", "download_attachment", "add_to_calendar",
                "raise_hand", "mic_on", "cam_on", "clap_clicked_count", "heart_clicked_count",
                "think_clicked_count", "wow_clicked_count", "smile_clicked_count", "total_reactions_activity",
                "answered_polls", "messages_sent_group", "qna_threads");
        assertThat(ReportDefinition.REACTIONS.filters()).containsEntry(Filter.VIRTUAL_EVENT_IDS, "virtualeventid")
                .containsEntry(Filter.ENTRY_IDS, "entry_ids");
        assertThat(ReportDefinition.REACTIONS.requiredFilters()).containsExactly(Filter.VIRTUAL_EVENT_IDS);
        assertThat(ReportDefinition.REACTIONS.wholeRange()).isTrue();
        assertThat(ReportDefinition.REACTIONS.isServiceReport()).isFalse();
        assertThat(ReportDefinition.REACTIONS.label()).isEqualTo("reactions (4021)");

        assertThat(ReportDefinition.CHAT_TRANSCRIPTS.serviceReportName()).contains("groupChatTranscripts");
        assertThat(ReportDefinition.CHAT_ACTIVITY.serviceReportName()).contains("chatUserActivity");
        assertThat(ReportDefinition.CHAT_MODERATION.serviceReportName()).contains("chatModeration");
        assertThat(ReportDefinition.POLLS_ACTIVITY.serviceReportName()).contains("pollsActivity");
        assertThat(ReportDefinition.CHAT_TRANSCRIPTS.label()).isEqualTo("chatTranscripts (groupChatTranscripts)");
        assertThat(ReportDefinition.CHAT_TRANSCRIPTS.fileName()).isEqualTo("chatTranscripts.csv");
        assertThat(ReportDefinition.CHAT_TRANSCRIPTS.filters()).containsEntry(Filter.ENTRY_IDS, "entries_ids")
                .containsEntry(Filter.VIRTUAL_EVENT_IDS, "virtual_event_ids");
        assertThat(ReportDefinition.CHAT_TRANSCRIPTS.fromDateKey()).isEqualTo("from_date_id");
        assertThat(ReportDefinition.CHAT_TRANSCRIPTS.wholeRange()).isTrue();
        // Microservice reports share the id 0; they are told apart by name.
        assertThat(ReportDefinition.CHAT_TRANSCRIPTS).isNotEqualTo(ReportDefinition.CHAT_ACTIVITY);
    }

    @Test
    void onlyTheColumnsTheCodeReliesOnAreRequired() {
        assertThat(ReportDefinition.ROOMS.requiredColumns()).hasSize(9);
        assertThat(ReportDefinition.REACTIONS.requiredColumns()).containsExactly("email",
                "combined_live_engaged_users_play_time_ratio", "total_reactions_activity", "messages_sent_group",
                "answered_polls", "qna_threads");
        assertThat(ReportDefinition.CHAT_TRANSCRIPTS.requiredColumns()).containsExactly("entryId", "messageId",
                "userId", "message");
        assertThat(ReportDefinition.CHAT_ACTIVITY.requiredColumns()).containsExactly("entryId", "userId",
                "messages");
    }

    @Test
    void personalColumnsOfTheNewReportsIncludeFreeText() {
        assertThat(ReportDefinition.REACTIONS.personalColumns()).containsExactly("email");
        assertThat(ReportDefinition.CHAT_TRANSCRIPTS.personalColumns()).containsExactly("userId", "userFirstName",
                "userLastName", "userEmail", "message");
        assertThat(ReportDefinition.CHAT_TRANSCRIPTS.column("message").orElseThrow().personal())
                .isEqualTo(ColumnDefinition.Personal.NAME);
        assertThat(ReportDefinition.CHAT_MODERATION.personalColumns()).containsExactly("resolvedThreadsOwners",
                "unresolvedThreadsOwners");
        assertThat(ReportDefinition.POLLS_ACTIVITY.personalColumns()).containsExactly("userId", "userEmail",
                "answer");
        assertThat(ReportDefinition.CHAT_ACTIVITY.column("userEmail").orElseThrow().personal())
                .isEqualTo(ColumnDefinition.Personal.EMAIL);
    }

    @Test
    void entryIdIsAnAliasOfTheMicroservicesRoomColumn() {
        assertThat(ReportDefinition.CHAT_ACTIVITY.resolveMetric("entry_id")).contains("entryId");
        assertThat(ReportDefinition.CHAT_MODERATION.resolveMetric("entry_id")).contains("contextId");
        assertThat(ReportDefinition.REACTIONS.resolveMetric("reactions")).contains("total_reactions_activity");
    }
}
