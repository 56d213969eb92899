package io.github.kalturareport.core.internal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    static final byte[] KEY = "sixteen-byte-key".getBytes(StandardCharsets.UTF_8);

    @Test
    void aPseudonymIsPAndTheFirst16HexCharactersOfTheHmac() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = "p_" + HexFormat.of().formatHex(mac.doFinal("ann@example.edu"
                .getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        Pseudonymizer.Hasher hasher = new Pseudonymizer(KEY).hasher();
        assertThat(hasher.pseudonym("ann@example.edu")).isEqualTo(expected).matches("p_[0-9a-f]{16}");
        assertThat(hasher.pseudonym("ann@example.edu")).isEqualTo(expected); // stable
        assertThat(new Pseudonymizer(KEY).hasher().pseudonym("ann@example.edu")).isEqualTo(expected);
        assertThat(hasher.pseudonym("")).isEmpty();
        assertThat(Pseudonymizer.isPseudonym(expected)).isTrue();
        assertThat(Pseudonymizer.isPseudonym("p_0123456789ABCDEF")).isFalse();
    }

    @Test
    void aShortKeyIsRefusedAndNoKeyIsEverShown() {
        assertThatThrownBy(() -> new Pseudonymizer("fifteen-bytes!!".getBytes(StandardCharsets.UTF_8)))
                .hasMessageNotContaining("fifteen").hasMessageContaining("at least 16 bytes");
        assertThat(new Pseudonymizer(KEY).toString()).doesNotContain("sixteen");
        assertThat(new Pseudonymizer(KEY).hasher().toString()).doesNotContain("sixteen");
    }

    @Test
    void theCacheOfRecentValuesNeverGivesAnotherValuesPseudonym() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        Pseudonymizer.Hasher hasher = new Pseudonymizer(KEY).hasher();
        // More values than slots, so slots collide and are overwritten; each asked for twice, at different offsets,
        // and values that are prefixes of each other.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 40_000; i++) {
                String value = "user" + (i * 7919 % 40_000) + (i % 3 == 0 ? "" : "@example.edu");
                byte[] padded = ("##" + value + "#").getBytes(StandardCharsets.UTF_8);
                String expected = "p_" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)))
                        .substring(0, 16);
                String actual = new String(hasher.pseudonym(padded, 2, padded.length - 3), StandardCharsets.US_ASCII);
                if (!actual.equals(expected)) {
                    throw new AssertionError(value + ": " + actual + " != " + expected);
                }
            }
        }
    }
}
