package io.github.kalturareport.core.internal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceStatusTest {

    @Test
    void onlyCompletedDownloadsFailedAndErrorStopAndAnythingElseIsPolledAgain() {
        assertThat(ServiceStatus.of("completed")).isEqualTo(ServiceStatus.COMPLETED);
        assertThat(ServiceStatus.of(" Completed ")).isEqualTo(ServiceStatus.COMPLETED);
        assertThat(ServiceStatus.of("failed")).isEqualTo(ServiceStatus.FAILED);
        assertThat(ServiceStatus.of("ERROR")).isEqualTo(ServiceStatus.FAILED);
        assertThat(ServiceStatus.of("pending")).isEqualTo(ServiceStatus.RUNNING);
        assertThat(ServiceStatus.of("processing")).isEqualTo(ServiceStatus.RUNNING);
        assertThat(ServiceStatus.of("baking")).isEqualTo(ServiceStatus.UNKNOWN);
        assertThat(ServiceStatus.of(null)).isEqualTo(ServiceStatus.UNKNOWN);
    }

    @Test
    void theGenerateBodyHasTheListsGivenAndWholeDays() {
        byte[] body = ReportsServiceClient.generateBody("groupChatTranscripts",
                new java.util.LinkedHashMap<>(java.util.Map.of("entries_ids", java.util.List.of("1_a", "1_b"))),
                java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 11, 30), "from_date_id",
                "to_date_id");
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"reportName\":"
                + "\"groupChatTranscripts\",\"reportParameters\":{\"entries_ids\":[\"1_a\",\"1_b\"],"
                + "\"from_date_id\":\"2026-11-01\",\"to_date_id\":\"2026-11-30\"}}");
        assertThat(new String(ReportsServiceClient.generateBody("chatModeration",
                java.util.Map.of("virtual_event_ids", java.util.List.of()), java.time.LocalDate.of(2026, 1, 2),
                java.time.LocalDate.of(2026, 1, 2), "from_date_id", "to_date_id"),
                java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("virtual_event_ids");
    }
}
