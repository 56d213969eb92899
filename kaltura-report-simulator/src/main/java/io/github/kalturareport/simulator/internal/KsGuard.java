package io.github.kalturareport.simulator.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Checks a request's KS as the server does: present, readable, signed with the partner's admin secret, for this
 * partner, not expired ({@code _e <= now} is expired), admin type where the action needs it, then the
 * {@code urirestrict} (prefix of the request path; {@code *} ends a prefix, {@code |} separates choices) and
 * {@code iprestrict} (address, CIDR or range) privileges.
 */
final class KsGuard {
    private final ServerState state;

    KsGuard(ServerState state) {
        this.state = state;
    }

    Ks check(ApiRequest request, String remoteIp, boolean adminOnly) throws ApiException {
        String ks = request.param("ks");
        if (ks == null || ks.isEmpty()) {
            throw forbidden(request);
        }
        if (KsCodec.partnerOf(ks) != state.partnerId()) {
            throw invalid(ks, -1, "INVALID_STR");
        }
        Ks decoded;
        try {
            decoded = KsCodec.decode(ks, state.adminSecret());
        } catch (KsCodec.InvalidKsException e) {
            throw invalid(ks, -1, "INVALID_STR");
        }
        if (decoded.partnerId() != state.partnerId()) {
            throw invalid(ks, -1, "INVALID_STR");
        }
        if (decoded.expiry() <= state.now()) {
            throw new ApiException("INVALID_KS", "Invalid KS \"EXPIRED\", Error \"-5,EXPIRED\"");
        }
        if (adminOnly && decoded.type() < 1) {
            throw forbidden(request);
        }
        String uri = decoded.privileges().get("urirestrict");
        if (uri != null && !uriAllowed(uri, request.path())) {
            throw invalid(ks, -10, "EXCEEDED_RESTRICTED_URI");
        }
        String ip = decoded.privileges().get("iprestrict");
        if (ip != null && !ipAllowed(ip, remoteIp)) {
            throw invalid(ks, -9, "EXCEEDED_RESTRICTED_IP");
        }
        return decoded;
    }

    static ApiException forbidden(ApiRequest request) {
        return new ApiException("SERVICE_FORBIDDEN", "The access to service [" + request.service() + "->"
                + request.action() + "] is forbidden");
    }

    private static ApiException invalid(String ks, int number, String reason) {
        return new ApiException("INVALID_KS", "Invalid KS \"" + ks + "\", Error \"" + number + "," + reason + "\"");
    }

    static boolean uriAllowed(String restriction, String path) {
        for (String choice : restriction.split("\\|")) {
            String c = choice.trim();
            if (c.isEmpty()) {
                continue;
            }
            if (c.endsWith("*") ? path.startsWith(c.substring(0, c.length() - 1)) : path.startsWith(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean ipAllowed(String restriction, String remoteIp) {
        for (String choice : restriction.split("[,|]")) {
            String c = choice.trim();
            try {
                if (c.contains("/")) {
                    String[] parts = c.split("/");
                    int bits = Integer.parseInt(parts[1]);
                    BigInteger net = number(parts[0]);
                    BigInteger ip = number(remoteIp);
                    int width = InetAddress.getByName(parts[0]).getAddress().length * 8;
                    if (net.shiftRight(width - bits).equals(ip.shiftRight(width - bits))) {
                        return true;
                    }
                } else if (c.contains("-")) {
                    String[] parts = c.split("-");
                    BigInteger ip = number(remoteIp);
                    if (ip.compareTo(number(parts[0])) >= 0 && ip.compareTo(number(parts[1])) <= 0) {
                        return true;
                    }
                } else if (!c.isEmpty() && number(c).equals(number(remoteIp))) {
                    return true;
                }
            } catch (UnknownHostException | RuntimeException unreadable) {
                // An unreadable restriction allows nothing.
            }
        }
        return false;
    }

    private static BigInteger number(String literal) throws UnknownHostException {
        String t = literal.trim();
        // Only address literals: getByName on a host name would query DNS.
        if (!t.matches("[0-9A-Fa-f:.]+")) {
            throw new UnknownHostException("not an address literal");
        }
        return new BigInteger(1, InetAddress.getByName(t).getAddress());
    }
}
