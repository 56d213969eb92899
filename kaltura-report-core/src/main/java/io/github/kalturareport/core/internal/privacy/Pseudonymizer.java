package io.github.kalturareport.core.internal.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms: {@code p_} and the first 16 lowercase hex characters of HMAC-SHA256(key, the value's UTF-8 bytes).
 * Keyed, so only the key's holder can recompute one; stable, so distinct counts, groups and joins still work. The
 * key is never shown: not in {@link #toString()}, not in any message.
 */
public final class Pseudonymizer {

    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;
    /** {@code p_} and 16 hex characters. */
    public static final int LENGTH = 18;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the key is shorter than {@value #MIN_KEY_BYTES} bytes (not shown) */
    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** A hasher for one thread: it reuses its buffers, so a row costs no allocation. */
    public Hasher hasher() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return new Hasher(mac);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("This Java runtime cannot compute " + ALGORITHM, e);
        }
    }

    /** Whether text is shaped like a pseudonym this class makes. */
    public static boolean isPseudonym(CharSequence text) {
        if (text.length() != LENGTH || text.charAt(0) != 'p' || text.charAt(1) != '_') {
            return false;
        }
        for (int i = 2; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Pseudonymizer[HMAC-SHA256, key hidden]";
    }

    /**
     * One thread's HMAC with its buffers. Not thread-safe. A report names the same users over and over, so the last
     * pseudonyms are kept in a small direct-mapped cache: a repeated value costs a hash and a compare, not an HMAC.
     */
    public static final class Hasher {
        // A power of two (a slot is the low bits of the hash), roomy enough that a few thousand users, names and
        // addresses rarely evict each other; a slot is filled only when used.
        private static final int SLOTS = 16384;
        private static final int CACHED_BYTES = 64; // longer values are rare and simply not cached; bounds the cache

        private final Mac mac;
        private final byte[] digest = new byte[32];
        private final byte[] pseudonym = new byte[LENGTH];
        private final byte[][] cachedValues = new byte[SLOTS][];
        private final int[] cachedLengths = new int[SLOTS];
        private final byte[][] cachedHex = new byte[SLOTS][];

        private Hasher(Mac mac) {
            this.mac = mac;
            pseudonym[0] = 'p';
            pseudonym[1] = '_';
        }

        /** The pseudonym of these UTF-8 bytes, in a buffer reused by the next call ({@value #LENGTH} bytes). */
        public byte[] pseudonym(byte[] utf8, int offset, int length) {
            int slot = slot(utf8, offset, length);
            byte[] cached = cachedValues[slot];
            if (cached != null && cachedLengths[slot] == length
                    && Arrays.equals(cached, 0, length, utf8, offset, offset + length)) {
                System.arraycopy(cachedHex[slot], 0, pseudonym, 2, LENGTH - 2);
                return pseudonym;
            }
            mac.update(utf8, offset, length);
            try {
                mac.doFinal(digest, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < 8; i++) {
                pseudonym[2 + 2 * i] = HEX[(digest[i] >> 4) & 0xF];
                pseudonym[3 + 2 * i] = HEX[digest[i] & 0xF];
            }
            if (length <= CACHED_BYTES) {
                if (cached == null || cached.length < length) {
                    cached = new byte[Math.max(length, 32)];
                    cachedValues[slot] = cached;
                    cachedHex[slot] = new byte[LENGTH - 2];
                }
                System.arraycopy(utf8, offset, cached, 0, length);
                cachedLengths[slot] = length;
                System.arraycopy(pseudonym, 2, cachedHex[slot], 0, LENGTH - 2);
            }
            return pseudonym;
        }

        /** FNV-1a over the bytes, spread, to a slot. */
        private static int slot(byte[] b, int offset, int length) {
            int h = 0x811c9dc5;
            for (int i = offset; i < offset + length; i++) {
                h = (h ^ (b[i] & 0xFF)) * 0x01000193;
            }
            return (h ^ (h >>> 15)) & (SLOTS - 1);
        }

        /** The pseudonym of a value as text; an empty value stays empty. */
        public String pseudonym(String value) {
            if (value.isEmpty()) {
                return value;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            return new String(pseudonym(utf8, 0, utf8.length), StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return "Hasher[key hidden]";
        }
    }
}
