package io.github.kalturareport.simulator.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes (v2) and decodes (v1 and v2) Kaltura Sessions as the server's kSessionBase does.
 *
 * <p>v2: base64url("v2|" + partnerId + "|" + AES-128-CBC(zero IV, key = SHA1(secret)[0..16],
 * zero-padded SHA1(rand16 + fields) + rand16 + fields)), fields an URL-encoded query string.
 * v1: base64(sha1hex(secret + info) + "|" + info), info = {@code pid;pid;expiry;type;rand;userId;privileges}.
 */
public final class KsCodec {
    private static final int SHA1 = 20;
    private static final int RANDOM = 16;
    private static final SecureRandom RANDOM_SOURCE = new SecureRandom();

    private KsCodec() {
    }

    /** Why a KS string was refused, before any check of expiry or rights. */
    public static final class InvalidKsException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidKsException(String reason) {
            super(reason);
        }
    }

    /** A v2 KS; {@code privileges} as given to session.start ({@code k:v,k2:v2}, {@code *}). */
    public static String encodeV2(int partnerId, String secret, int type, String userId, long expiry,
            String privileges) {
        StringBuilder fields = new StringBuilder();
        for (Map.Entry<String, String> p : parsePrivilegeList(privileges).entrySet()) {
            String key = p.getKey();
            String value = p.getValue();
            if (key.equals("*")) {
                key = "all";
                value = "*";
            }
            fields.append(enc(key)).append('=').append(enc(value)).append('&');
        }
        fields.append("_e=").append(expiry).append("&_t=").append(type).append("&_u=").append(enc(userId));
        byte[] random = new byte[RANDOM];
        RANDOM_SOURCE.nextBytes(random);
        byte[] body = concat(random, fields.toString().getBytes(StandardCharsets.UTF_8));
        byte[] plain = concat(sha1(body), body);
        byte[] padded = Arrays.copyOf(plain, (plain.length + 15) / 16 * 16);
        byte[] cipher = aes(Cipher.ENCRYPT_MODE, secret, padded);
        byte[] ks = concat(("v2|" + partnerId + "|").getBytes(StandardCharsets.US_ASCII), cipher);
        return Base64.getEncoder().encodeToString(ks).replace('+', '-').replace('/', '_');
    }

    /** The partner a KS names, without checking its signature; -1 when unreadable. */
    public static int partnerOf(String ks) {
        try {
            byte[] raw = base64(ks);
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            if (text.startsWith("v2|")) {
                int bar = text.indexOf('|', 3);
                return bar < 0 ? -1 : Integer.parseInt(text.substring(3, bar));
            }
            int bar = text.indexOf('|');
            String info = bar < 0 ? "" : text.substring(bar + 1);
            return Integer.parseInt(info.split(";", -1)[0]);
        } catch (RuntimeException | InvalidKsException e) {
            return -1;
        }
    }

    /** Decodes and verifies a KS against the partner's admin secret. */
    public static Ks decode(String ks, String secret) throws InvalidKsException {
        byte[] raw = base64(ks);
        if (raw.length > 3 && raw[0] == 'v' && raw[1] == '2' && raw[2] == '|') {
            return decodeV2(raw, secret);
        }
        return decodeV1(raw, secret);
    }

    private static Ks decodeV2(byte[] raw, String secret) throws InvalidKsException {
        int bar = -1;
        for (int i = 3; i < raw.length; i++) {
            if (raw[i] == '|') {
                bar = i;
                break;
            }
        }
        if (bar < 0) {
            throw new InvalidKsException("no partner separator");
        }
        int partnerId = parseInt(new String(raw, 3, bar - 3, StandardCharsets.US_ASCII));
        byte[] cipher = Arrays.copyOfRange(raw, bar + 1, raw.length);
        if (cipher.length == 0 || cipher.length % 16 != 0) {
            throw new InvalidKsException("cipher text is not whole AES blocks");
        }
        byte[] plain = aes(Cipher.DECRYPT_MODE, secret, cipher);
        int end = plain.length;
        while (end > 0 && plain[end - 1] == 0) {
            end--;
        }
        if (end < SHA1 + RANDOM) {
            throw new InvalidKsException("too short");
        }
        byte[] hash = Arrays.copyOfRange(plain, 0, SHA1);
        byte[] body = Arrays.copyOfRange(plain, SHA1, end);
        if (!MessageDigest.isEqual(hash, sha1(body))) {
            throw new InvalidKsException("signature mismatch");
        }
        String fields = new String(body, RANDOM, body.length - RANDOM, StandardCharsets.UTF_8);
        Map<String, String> privileges = new LinkedHashMap<>();
        long expiry = 0;
        int type = 0;
        String user = "";
        for (String pair : fields.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "_e":
                    expiry = ReportParams.phpIntval(value);
                    break;
                case "_t":
                    type = (int) ReportParams.phpIntval(value);
                    break;
                case "_u":
                    user = value;
                    break;
                default:
                    if (!key.startsWith("_")) {
                        privileges.put(key.equals("all") && value.equals("*") ? "*" : key, value);
                    }
            }
        }
        return new Ks(2, partnerId, expiry, type, user, privileges);
    }

    private static Ks decodeV1(byte[] raw, String secret) throws InvalidKsException {
        String text = new String(raw, StandardCharsets.UTF_8);
        int bar = text.indexOf('|');
        if (bar != 40) {
            throw new InvalidKsException("not a v1 KS");
        }
        String hash = text.substring(0, bar);
        String info = text.substring(bar + 1);
        String expected = hex(sha1((secret + info).getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidKsException("signature mismatch");
        }
        String[] parts = info.split(";", -1);
        if (parts.length < 6) {
            throw new InvalidKsException("too few fields");
        }
        int partnerId = parseInt(parts[0]);
        long expiry = ReportParams.phpIntval(parts[2]);
        int type = (int) ReportParams.phpIntval(parts[3]);
        String user = parts[5];
        String privileges = parts.length > 6 ? parts[6] : "";
        return new Ks(1, partnerId, expiry, type, user, parsePrivilegeList(privileges));
    }

    /** {@code k:v,k2:v2,*} as a map; {@code *} maps to {@code *}. */
    static Map<String, String> parsePrivilegeList(String privileges) {
        Map<String, String> map = new LinkedHashMap<>();
        if (privileges == null || privileges.isBlank()) {
            return map;
        }
        for (String item : privileges.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            int colon = t.indexOf(':');
            if (t.equals("*")) {
                map.put("*", "*");
            } else if (colon < 0) {
                map.put(t, "");
            } else {
                map.put(t.substring(0, colon), t.substring(colon + 1));
            }
        }
        return map;
    }

    private static byte[] base64(String ks) throws InvalidKsException {
        if (ks == null || ks.isEmpty()) {
            throw new InvalidKsException("empty");
        }
        String s = ks.trim().replace('-', '+').replace('_', '/');
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidKsException("not base64");
        }
    }

    private static int parseInt(String s) throws InvalidKsException {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidKsException("partner id is not a number");
        }
    }

    private static byte[] aes(int mode, String secret, byte[] data) {
        try {
            byte[] key = Arrays.copyOf(sha1(secret.getBytes(StandardCharsets.UTF_8)), 16);
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is not available in this JDK", e);
        }
    }

    public static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available in this JDK", e);
        }
    }

    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
