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
}
