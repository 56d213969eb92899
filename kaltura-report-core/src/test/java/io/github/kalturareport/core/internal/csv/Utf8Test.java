package io.github.kalturareport.core.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The UTF-8 check against the JDK's strict decoder. */
class Utf8Test {

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void agreesWithTheStrictDecoderOnRandomBytes() {
        Random random = new Random(3);
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[random.nextInt(6)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) interesting[random.nextInt(interesting.length)];
            }
            boolean ours = Utf8.firstMalformed(bytes, 0, bytes.length) < 0;
            assertThat(ours).as("%s", java.util.HexFormat.of().formatHex(bytes)).isEqualTo(jdkAccepts(bytes));
            if (ours) {
                accepted++;
            }
        }
        assertThat(accepted).isGreaterThan(10_000);
    }

    @Test
    void findsABadByteAnywhereInLongAsciiRuns() {
        Random random = new Random(5);
        for (int n = 0; n < 50_000; n++) {
            byte[] bytes = new byte[random.nextInt(48)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ('a' + random.nextInt(26));
            }
            int bad = -1;
            if (bytes.length > 0 && random.nextBoolean()) {
                bad = random.nextInt(bytes.length);
                bytes[bad] = (byte) (0x80 | random.nextInt(0x40)); // a continuation byte without its lead
            }
            assertThat(Utf8.firstMalformed(bytes, 0, bytes.length)).isEqualTo(bad);
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            assertThat(Utf8.firstMalformed(bytes, from, bytes.length)).isEqualTo(bad >= from ? bad : -1);
        }
    }

    @Test
    void acceptsEveryCodePointEncoded() {
        for (int cp = 0; cp <= 0x10FFFF; cp += 7) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.firstMalformed(bytes, 0, bytes.length)).as("U+%X", cp).isEqualTo(-1);
        }
    }
}
