package io.github.kalturareport.core.internal.http;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that came from a server or from an exception before it reaches a message, a log or a
 * file: every secret this run knows (admin secret, app token, each KS made or received), anything shaped like a v2
 * KS, and the quoted KS in the server's "Invalid KS" message.
 */
public final class Redactor {

    public static final String MASK = "[redacted]";

    /** base64("v2|") is "djJ8": every v2 KS starts so. */
    private static final Pattern KS_V2 = Pattern.compile("djJ8[A-Za-z0-9_\\-+/=]*");
    /** {@code Invalid KS "<ks>"}; keeps a reason written in capitals such as "EXPIRED". */
    private static final Pattern INVALID_KS = Pattern.compile("(?i)(invalid ks \")(?![A-Z_]+\")[^\"]*(\")");

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    /** Remembers a secret so that it is removed from every later text. */
    public void add(String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret);
        }
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        for (String secret : secrets) {
            s = s.replace(secret, MASK);
        }
        s = KS_V2.matcher(s).replaceAll(MASK);
        return INVALID_KS.matcher(s).replaceAll("$1" + MASK + "$2");
    }
}
