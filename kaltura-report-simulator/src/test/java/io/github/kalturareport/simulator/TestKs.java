package io.github.kalturareport.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * KS vectors built straight from the published algorithm (Kaltura's kSessionBase, as described in
 * docs/kaltura-protocol.md, KS v2 format and KS v1 format), written independently of the simulator's codec so its
 * decoder is checked against the algorithm rather than against itself.
 */
final class TestKs {
    private TestKs() {
    }

    /**
     * v2: fields = URL-encoded privileges then _e, _t, _u; plaintext = SHA1(rand ‖ fields) ‖ rand ‖ fields, zero
     * padded to 16; AES-128-CBC, key SHA1(secret)[0..16], zero IV; base64 of "v2|pid|" ‖ cipher, + → -, / → _.
     */
    static String v2(int partnerId, String secret, long expiry, int type, String user, Map<String, String> privileges,
            byte[] random16) {
        try {
            StringBuilder fields = new StringBuilder();
            privileges.forEach((k, v) -> fields.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
            fields.append("_e=").append(expiry).append("&_t=").append(type).append("&_u=")
                    .append(URLEncoder.encode(user, StandardCharsets.UTF_8));
            byte[] f = fields.toString().getBytes(StandardCharsets.UTF_8);
            byte[] randAndFields = new byte[16 + f.length];
            System.arraycopy(random16, 0, randAndFields, 0, 16);
            System.arraycopy(f, 0, randAndFields, 16, f.length);
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(randAndFields);
            int len = 20 + randAndFields.length;
            byte[] plain = new byte[(len + 15) / 16 * 16];
            System.arraycopy(hash, 0, plain, 0, 20);
            System.arraycopy(randAndFields, 0, plain, 20, randAndFields.length);
            byte[] key = new byte[16];
            System.arraycopy(MessageDigest.getInstance("SHA-1").digest(secret.getBytes(StandardCharsets.UTF_8)), 0,
                    key, 0, 16);
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            byte[] cipher = aes.doFinal(plain);
            byte[] prefix = ("v2|" + partnerId + "|").getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[prefix.length + cipher.length];
            System.arraycopy(prefix, 0, all, 0, prefix.length);
            System.arraycopy(cipher, 0, all, prefix.length, cipher.length);
            return Base64.getEncoder().encodeToString(all).replace('+', '-').replace('/', '_');
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String v2(int partnerId, String secret, long expiry, int type, String user, Map<String, String> privileges) {
        byte[] random = new byte[16];
        for (int i = 0; i < 16; i++) {
            random[i] = (byte) (i * 7 + 3);
        }
        return v2(partnerId, secret, expiry, type, user, privileges, random);
    }

    /** v1: base64(sha1hex(secret + info) + "|" + info), info = pid;pid;expiry;type;rand;userId;privileges. */
    static String v1(int partnerId, String secret, long expiry, int type, String user, String privileges) {
        try {
            String info = partnerId + ";" + partnerId + ";" + expiry + ";" + type + ";" + 123456789 + ";" + user + ";"
                    + privileges;
            String sig = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest((secret + info).getBytes(StandardCharsets.UTF_8)));
            return Base64.getEncoder().encodeToString((sig + "|" + info).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts a v2 KS with the published algorithm and returns its field string (after the random bytes). */
    static String v2Fields(String ks, String secret) {
        try {
            byte[] raw = Base64.getDecoder().decode(ks.replace('-', '+').replace('_', '/'));
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int second = text.indexOf('|', 3);
            byte[] cipher = new byte[raw.length - second - 1];
            System.arraycopy(raw, second + 1, cipher, 0, cipher.length);
            byte[] key = new byte[16];
            System.arraycopy(MessageDigest.getInstance("SHA-1").digest(secret.getBytes(StandardCharsets.UTF_8)), 0,
                    key, 0, 16);
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            String plain = new String(aes.doFinal(cipher), StandardCharsets.ISO_8859_1);
            return plain.substring(36).replaceAll("\u0000+$", "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
