package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CLI's option errors and help, in-process (the running server is tested through the jar). */
class SimulatorMainTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void helpListsTheOptions() {
        String[] r = run("--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("--host", "--port", "--port-file", "--partner-id", "--admin-secret", "--seed",
                "--rooms", "--fault", "--request-log", "--app-token", "--row-cap");
    }

    @Test
    void badOptionsExitWith2AndNameTheProblem() {
        assertThat(run("--nope")).containsSequence("2").anySatisfy(s -> assertThat(s).contains("Unknown option --nope"));
        assertThat(run("--port")[2]).contains("Option --port needs a value.");
        assertThat(run("--port=99999")[2]).contains("A port is 0..65535, not 99999.");
        assertThat(run("--end-date", "yesterday")[2]).contains("needs a date such as 2025-04-21, not 'yesterday'");
        assertThat(run("--fault", "teapot")[2]).contains("Unknown fault kind 'teapot'");
        assertThat(run("--app-token", "only-an-id")[2]).contains("--app-token needs ID:TOKEN[:HASH[:EXPIRY]]");
        assertThat(run("--app-token", "id:tok:CRC32")[2]).contains("Unknown app token hash type 'CRC32'");
        assertThat(run("--rooms", "0")[0]).isEqualTo("2");
        assertThat(run("--days", "1", "--rooms", "1000", "--sessions-per-room", "100")[2])
                .contains("Too many sessions");
        assertThat(run("stray")[2]).contains("Unexpected argument 'stray'");
    }

    @Test
    void secretsInBadOptionsAreNotEchoed() {
        String[] r = run("--app-token", "id:sup3r-s3cret:CRC32");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).doesNotContain("sup3r-s3cret");
    }
}
