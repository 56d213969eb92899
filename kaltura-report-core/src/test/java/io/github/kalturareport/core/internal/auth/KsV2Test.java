package io.github.kalturareport.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KsV2Test {

    /** Decrypts a v2 KS the way the server does, step by step (docs/kaltura-protocol.md, KS v2 format). */
    private static String fields(String ks, String secret) throws Exception {
        byte[] decoded = Base64.getDecoder().decode(ks.replace('-', '+').replace('_', '/'));
        String prefix = "v2|1000|";
        assertThat(new String(decoded, 0, prefix.length(), StandardCharsets.US_ASCII)).isEqualTo(prefix);
        byte[] encrypted = Arrays.copyOfRange(decoded, prefix.length(), decoded.length);
        byte[] key = Arrays.copyOf(MessageDigest.getInstance("SHA-1").digest(secret.getBytes(StandardCharsets.UTF_8)),
                16);
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        byte[] plain = aes.doFinal(encrypted);
        int end = plain.length;
        while (end > 0 && plain[end - 1] == 0) {
            end--;
        }
        byte[] signature = Arrays.copyOfRange(plain, 0, 20);
        byte[] randomAndFields = Arrays.copyOfRange(plain, 20, end);
        assertThat(MessageDigest.getInstance("SHA-1").digest(randomAndFields)).isEqualTo(signature);
        return new String(randomAndFields, 16, randomAndFields.length - 16, StandardCharsets.UTF_8);
    }

    @Test
    void makesAnAdminKsRestrictedToTheReportAction() throws Exception {
        Instant expiry = Instant.ofEpochSecond(1_800_000_000L);
        String ks = KsV2.make("simulator-secret", 1000, KsV2.TYPE_ADMIN, "", expiry,
                Map.of("urirestrict", SessionProvider.REPORT_ACTION_PATH + "*"));
        assertThat(ks).startsWith("djJ8").doesNotContain("+", "/");
        assertThat(fields(ks, "simulator-secret")).isEqualTo(
                "urirestrict=%2Fapi_v3%2Fservice%2Freport%2Faction%2FgetCsvFromStringParams*"
                        + "&_e=1800000000&_t=2&_u=");
        assertThat(KsV2.partnerIdOf(ks)).isEqualTo(1000);
    }

    @Test
    void eachKsIsDifferentAndNeverHoldsTheSecret() throws Exception {
        Instant expiry = Instant.ofEpochSecond(1_800_000_000L);
        String a = KsV2.make("simulator-secret", 1000, 2, "", expiry, Map.of());
        String b = KsV2.make("simulator-secret", 1000, 2, "", expiry, Map.of());
        assertThat(a).isNotEqualTo(b);
        assertThat(new String(Base64.getDecoder().decode(a.replace('-', '+').replace('_', '/')),
                StandardCharsets.ISO_8859_1)).doesNotContain("simulator-secret");
    }

    @Test
    void readsThePartnerOfV1AndV2() {
        String v1 = Base64.getEncoder().encodeToString("abcdef|4321;4321;1800000000;2;123;;".getBytes(
                StandardCharsets.US_ASCII));
        assertThat(KsV2.partnerIdOf(v1)).isEqualTo(4321);
        assertThat(KsV2.partnerIdOf("not a ks")).isEqualTo(-1);
    }

    @Test
    void appTokenHashIsHexOfTheHashOfWidgetKsAndToken() {
        assertThat(SessionProvider.hash("SHA256", "abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SessionProvider.hash("SHA1", "abc")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(SessionProvider.hash("MD5", "abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(SessionProvider.hash("SHA512", "abc")).startsWith("ddaf35a193617aba");
    }

    @Test
    void theSessionsKsAddsTheServicePathsAndTheVirtualEventsOnlyWhenAskedAndKeepsItsShortExpiry() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), java.time.ZoneOffset.UTC);
        Login login = new Login(Login.Method.ADMIN_SECRET, "simulator-secret", null, null);
        String both = new SessionProvider(login, 1000, java.time.Duration.ofMinutes(10), clock, null,
                new io.github.kalturareport.core.internal.http.Redactor(), true, java.util.List.of("11", "12")).ks();
        assertThat(fields(both, "simulator-secret")).isEqualTo(
                "urirestrict=%2Fapi_v3%2Fservice%2Freport%2Faction%2FgetCsvFromStringParams*%7C%2Fapi%2Fv1%2Freport%2F*"
                        + "&virtualeventid=11%2F12&_e=1800000600&_t=2&_u=");
        String plain = new SessionProvider(login, 1000, java.time.Duration.ofMinutes(10), clock, null,
                new io.github.kalturareport.core.internal.http.Redactor()).ks();
        assertThat(fields(plain, "simulator-secret")).isEqualTo(
                "urirestrict=%2Fapi_v3%2Fservice%2Freport%2Faction%2FgetCsvFromStringParams*&_e=1800000600&_t=2&_u=");
    }
}
