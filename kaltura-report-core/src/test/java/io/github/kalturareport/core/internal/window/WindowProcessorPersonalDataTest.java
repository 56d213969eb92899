package io.github.kalturareport.core.internal.window;

import static io.github.kalturareport.core.internal.window.WindowProcessorTest.BOM;
import static io.github.kalturareport.core.internal.window.WindowProcessorTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.core.internal.csv.CsvValues;
import io.github.kalturareport.core.internal.privacy.ColumnPolicy;
import io.github.kalturareport.core.internal.privacy.Pseudonymizer;
import io.github.kalturareport.core.report.ReportDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pseudonyms written from a row's bytes while streaming; dropped columns that arrive anyway are refused. */
class WindowProcessorPersonalDataTest {

    static final byte[] KEY = "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    static final String HEADER = "entry_id,cue_point_id,user_id,user_name,user_email,user_type,meeting_view_time,"
            + "meeting_engaged_play_time_ratio\n";

    @TempDir
    Path dir;

    static String hmac(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return "p_" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    private WindowProcessor attendees(boolean descriptive, ColumnPolicy policy) {
        return new WindowProcessor(ReportDefinition.ATTENDEES, List.of(), descriptive, ZoneId.of("UTC"), policy);
    }

    private static ColumnPolicy pseudonymize(String... columns) {
        return new ColumnPolicy(List.of(), List.of(columns), new Pseudonymizer(KEY));
    }

    @Test
    void personalValuesBecomeTheirHmacQuotedOrNotAndEverythingElseIsSavedAsItCame() throws Exception {
        Path part = dir.resolve("p");
        WindowProcessor.Outcome o = attendees(false, pseudonymize("user_id", "user_name", "user_email"))
                .process(body(BOM + HEADER
                        + "1_a,c1,ann@example.edu,\"Doe, Ann \"\"A\"\"\",ann@example.edu,Attendee,10,0.5\r\n"
                        + "1_a,c1,,   ,,\"Co, host\",20,1\n"
                        + "1_b,c2,Zoë,\"two\nlines\",z@x.org,Attendee,3,0\n"), part);
        assertThat(o.rows()).isEqualTo(3);
        assertThat(o.lines()).isEqualTo(3);
        assertThat(Files.readString(part)).isEqualTo(HEADER
                + "1_a,c1," + hmac("ann@example.edu") + "," + hmac("Doe, Ann \"A\"") + ","
                + hmac("ann@example.edu") + ",Attendee,10,0.5\n"
                + "1_a,c1,,   ,,\"Co, host\",20,1\n"
                + "1_b,c2," + hmac("Zoë") + "," + hmac("two\nlines") + "," + hmac("z@x.org") + ",Attendee,3,0\n");
        byte[] written = Files.readAllBytes(part);
        assertThat(o.sha256()).isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(written));
    }

    @Test
    void aNonPersonalValueThatNeedsQuotesIsQuotedAsTheWriterQuotesIt() throws Exception {
        Path part = dir.resolve("p");
        String row = "1_a,\"c,1\",u1,\"Say \"\"hi\"\"\",e,\"multi\nline\",1,0.5\n";
        attendees(false, pseudonymize("user_id")).process(body(BOM + HEADER + row), part);
        List<String> expected = List.of("1_a", "c,1", hmac("u1"), "Say \"hi\"", "e", "multi\nline", "1", "0.5");
        assertThat(Files.readString(part)).isEqualTo(HEADER + CsvValues.line(expected));
    }

    @Test
    void descriptiveHeadersPseudonymiseTheSameValues() throws Exception {
        Path part = dir.resolve("p");
        new WindowProcessor(ReportDefinition.ROOMS, List.of(), true, ZoneId.of("UTC"),
                new ColumnPolicy(List.of(), List.of("session_host_user_id"), new Pseudonymizer(KEY)))
                .process(body(BOM + WindowProcessorTest.ROOMS_HEADER
                        + "1_a,Room A,,cp1,1745000000,1745003600,host@x.edu,12,0.5\n"), part);
        assertThat(Files.readAllLines(part).get(1)).isEqualTo("1_a,Room A,,cp1,2025-04-18T18:13:20Z,"
                + "2025-04-18T19:13:20Z," + hmac("host@x.edu") + ",12,0.5");
    }

    @Test
    void aDroppedColumnIsNotExpectedAndOneThatArrivesAnywayIsRefusedBeforeAnyRowIsWritten() throws Exception {
        ColumnPolicy drop = new ColumnPolicy(List.of("user_name", "user_email"), List.of(), null);
        Path part = dir.resolve("p");
        WindowProcessor.Outcome o = attendees(false, drop).process(body(BOM
                + "entry_id,cue_point_id,user_id,user_type,meeting_view_time,meeting_engaged_play_time_ratio\n"
                + "1_a,c1,u1,Attendee,10,0.5\n"), part);
        assertThat(o.layout().missing()).isEmpty();
        assertThat(o.layout().extra()).isEmpty();

        assertThatThrownBy(() -> attendees(false, drop).process(body(BOM + HEADER
                + "1_a,c1,u1,Ann,ann@example.edu,Attendee,10,0.5\n"), part))
                .isInstanceOf(WindowProcessor.UnwantedColumnsException.class)
                .hasMessageContaining("user_name, user_email");
        assertThat(Files.readString(part)).doesNotContain("Ann").doesNotContain("@");
    }
}
