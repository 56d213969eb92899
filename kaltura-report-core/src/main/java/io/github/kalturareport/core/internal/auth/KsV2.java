package io.github.kalturareport.core.internal.auth;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes a version-2 Kaltura Session locally from an admin secret, as Kaltura's own clients do
 * (docs/kaltura-protocol.md, KS v2 format): no network call, so the secret never leaves this machine.
 */
public final class KsV2 {

    /** Session type ADMIN. */
    public static final int TYPE_ADMIN = 2;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KsV2() {
    }

    /**
     * @param privileges privilege name to value, e.g. {@code urirestrict} to a path prefix ending in {@code *}
     */
    public static String make(String adminSecret, int partnerId, int type, String userId, Instant expiry,
            Map<String, String> privileges) {
        Map<String, String> fields = new LinkedHashMap<>(privileges);
        fields.put("_e", Long.toString(expiry.getEpochSecond()));
        fields.put("_t", Integer.toString(type));
        fields.put("_u", userId == null ? "" : userId);
        StringJoiner query = new StringJoiner("&");
        fields.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
        byte[] fieldBytes = query.toString().getBytes(StandardCharsets.UTF_8);
        try {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(random);
            sha1.update(fieldBytes);
            byte[] signature = sha1.digest();
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            plain.writeBytes(signature);
            plain.writeBytes(random);
            plain.writeBytes(fieldBytes);
            byte[] padded = Arrays.copyOf(plain.toByteArray(), roundUp(plain.size()));

            byte[] key = Arrays.copyOf(MessageDigest.getInstance("SHA-1")
                    .digest(adminSecret.getBytes(StandardCharsets.UTF_8)), 16);
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            byte[] encrypted = aes.doFinal(padded);

            ByteArrayOutputStream ks = new ByteArrayOutputStream();
            ks.writeBytes(("v2|" + partnerId + "|").getBytes(StandardCharsets.US_ASCII));
            ks.writeBytes(encrypted);
            return Base64.getEncoder().encodeToString(ks.toByteArray()).replace('+', '-').replace('/', '_');
        } catch (GeneralSecurityException e) {
            // SHA-1 and AES/CBC/NoPadding are mandatory in every Java platform.
            throw new IllegalStateException("This Java runtime lacks SHA-1 or AES: " + e.getMessage(), e);
        }
    }

    private static int roundUp(int length) {
        return length % 16 == 0 ? length : length + 16 - length % 16;
    }

    private static String encode(String value) {
        // PHP's http_build_query encoding, which the server reverses with parse_str.
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The partner id a KS names, or -1 when it cannot be read (v1 and v2 forms). */
    public static int partnerIdOf(String ks) {
        try {
            byte[] decoded = Base64.getDecoder().decode(ks.replace('-', '+').replace('_', '/'));
            String head = new String(decoded, 0, Math.min(decoded.length, 64), StandardCharsets.ISO_8859_1);
            String[] parts = head.split("\\|", 3);
            if (head.startsWith("v2|") && parts.length >= 2) {
                return Integer.parseInt(parts[1]);
            }
            // v1: sha1hex|pid;pid;expiry;...
            int bar = head.indexOf('|');
            if (bar > 0) {
                String info = head.substring(bar + 1);
                return Integer.parseInt(info.substring(0, info.indexOf(';')));
            }
        } catch (RuntimeException unreadable) {
            // falls through
        }
        return -1;
    }
}
