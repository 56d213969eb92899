package io.github.kalturareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kalturareport.simulator.internal.Ks;
import io.github.kalturareport.simulator.internal.KsCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's KS decoder against vectors built by {@link TestKs} from the published algorithm. */
class KsDecoderTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void decodesAV2VectorWithPrivileges() throws Exception {
        Map<String, String> privileges = new LinkedHashMap<>();
        privileges.put("urirestrict", "/api_v3/service/report/action/getCsvFromStringParams*");
        privileges.put("all", "*");
        String vector = TestKs.v2(4242, SECRET, 1_900_000_000L, 2, "ci-bot@example.com", privileges);
        assertThat(vector).doesNotContain("+", "/");

        Ks ks = KsCodec.decode(vector, SECRET);

        assertThat(ks.version()).isEqualTo(2);
        assertThat(ks.partnerId()).isEqualTo(4242);
        assertThat(ks.expiry()).isEqualTo(1_900_000_000L);
        assertThat(ks.type()).isEqualTo(2);
        assertThat(ks.userId()).isEqualTo("ci-bot@example.com");
        assertThat(ks.privileges()).containsEntry("urirestrict",
                "/api_v3/service/report/action/getCsvFromStringParams*").containsEntry("*", "*");
    }

    @Test
    void decodesAV2VectorWhoseFieldsFillWholeBlocks() throws Exception {
        // Vary the user id length so the plaintext ends on and off a 16-byte boundary.
        for (int n = 0; n < 20; n++) {
            String user = "u".repeat(n);
            Ks ks = KsCodec.decode(TestKs.v2(1000, SECRET, 1_800_000_000L, 0, user, Map.of()), SECRET);
            assertThat(ks.userId()).isEqualTo(user);
            assertThat(ks.type()).isZero();
        }
    }

    @Test
    void decodesAV1Vector() throws Exception {
        String vector = TestKs.v1(1000, SECRET, 1_900_000_000L, 2, "admin",
                "urirestrict:/api_v3/service/report/*,iprestrict:127.0.0.1");

        Ks ks = KsCodec.decode(vector, SECRET);

        assertThat(ks.version()).isEqualTo(1);
        assertThat(ks.partnerId()).isEqualTo(1000);
        assertThat(ks.expiry()).isEqualTo(1_900_000_000L);
        assertThat(ks.type()).isEqualTo(2);
        assertThat(ks.userId()).isEqualTo("admin");
        assertThat(ks.privileges()).containsEntry("urirestrict", "/api_v3/service/report/*")
                .containsEntry("iprestrict", "127.0.0.1");
    }

    @Test
    void refusesVectorsSignedWithAnotherSecret() {
        assertThatThrownBy(() -> KsCodec.decode(TestKs.v2(1000, "other", 1_900_000_000L, 2, "", Map.of()), SECRET))
                .isInstanceOf(KsCodec.InvalidKsException.class);
        assertThatThrownBy(() -> KsCodec.decode(TestKs.v1(1000, "other", 1_900_000_000L, 2, "", ""), SECRET))
                .isInstanceOf(KsCodec.InvalidKsException.class);
        assertThatThrownBy(() -> KsCodec.decode("not a ks at all", SECRET))
                .isInstanceOf(KsCodec.InvalidKsException.class);
    }

    @Test
    void issuedKsFollowThePublishedV2Layout() {
        String issued = KsCodec.encodeV2(1000, SECRET, 2, "me", 1_900_000_000L, "urirestrict:/api_v3/x*,*");
        String fields = TestKs.v2Fields(issued, SECRET);
        assertThat(fields).isEqualTo("urirestrict=%2Fapi_v3%2Fx*&all=*&_e=1900000000&_t=2&_u=me");
    }
}
