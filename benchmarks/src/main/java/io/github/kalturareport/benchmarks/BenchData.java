package io.github.kalturareport.benchmarks;

import io.github.kalturareport.core.ConfigurationException;
import io.github.kalturareport.core.KalturaReportException;
import io.github.kalturareport.core.check.CheckResult;
import io.github.kalturareport.core.check.CheckSettings;
import io.github.kalturareport.core.check.ThresholdChecker;
import io.github.kalturareport.core.check.output.CheckOutputs;
import io.github.kalturareport.core.config.FetchOptions;
import io.github.kalturareport.core.fetch.Credentials;
import io.github.kalturareport.core.fetch.FetchSettings;
import io.github.kalturareport.simulator.KalturaSimulator;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The data every figure is measured on: the simulator's seeded attendee report (report 6001) over one calendar
 * year, 250 attendees per session and 100 sessions per room, so {@code rooms × 25,000} rows (40 rooms: 1,000,000).
 * The same seed and sizes give byte-identical reports, so every run and every baseline sees the same bytes.
 */
final class BenchData {

    static final long SEED = 42;
    static final LocalDate END = LocalDate.of(2025, 12, 31);
    static final int DAYS = 365;
    static final String FROM = "2025-01-01";
    static final String TO = "2025-12-31";
    static final int SESSIONS_PER_ROOM = 100;
    static final int ATTENDEES_PER_SESSION = 250;
    /** 40 rooms: one million attendee rows. */
    static final int ROOMS_1M = 40;
    /** Far above any report here: one call returns the whole report. */
    static final int UNCAPPED = 100_000_000;
    /** The rules of the check; the script baseline computes the same mean and minimum. */
    static final String RULES = "attendees:mean(engagement) >= 0%; attendees:min(engagement) >= 0%";

    private BenchData() {
    }

    static long rows(int rooms) {
        return (long) rooms * SESSIONS_PER_ROOM * ATTENDEES_PER_SESSION;
    }

    /** A simulator serving {@code rooms × 25,000} attendee rows over 2025, with the given row cap. */
    static KalturaSimulator.Builder simulator(int rooms, int rowCap) {
        return KalturaSimulator.builder()
                .seed(SEED)
                .endDate(END)
                .days(DAYS)
                .rooms(rooms)
                .sessionsPerRoom(SESSIONS_PER_ROOM)
                .attendeesPerSession(ATTENDEES_PER_SESSION)
                .rowCap(rowCap);
    }

    /** The fetch of the attendee report, as a user would configure it, from {@code from} to {@code to}. */
    static FetchOptions fetch(String baseUrl, String adminSecret, Path out, String from, String to) {
        return new FetchOptions()
                .serviceUrl(baseUrl)
                .partnerId(Integer.toString(KalturaSimulator.DEFAULT_PARTNER_ID))
                .credentials(Credentials.adminSecret(adminSecret))
                .reports("attendees")
                .from(from)
                .to(to)
                .timeZone("UTC")
                .outputDirectory(out);
    }

    static FetchSettings wholeYearUncapped(String baseUrl, String adminSecret, Path out)
            throws ConfigurationException {
        return fetch(baseUrl, adminSecret, out, FROM, TO).rowCap(Integer.toString(UNCAPPED)).concurrency("1")
                .build();
    }

    static CheckSettings check(Path in, Path out) throws ConfigurationException {
        return CheckSettings.builder().inputDirectory(in).outputDirectory(out).rules(RULES).build();
    }

    /** The check as a user runs it: evaluate the rules, then write every output file. */
    static CheckResult checkAndWrite(Path in, Path out) throws KalturaReportException {
        CheckSettings settings = check(in, out);
        CheckResult result = ThresholdChecker.check(settings, null);
        CheckOutputs.writeAll(settings, result);
        return result;
    }
}
