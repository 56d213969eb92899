package io.github.kalturareport.simulator.internal;

/**
 * Checks a request's KS as the server does (docs/kaltura-protocol.md, Checks and privileges): present, readable,
 * signed with the partner's admin secret, for this partner, not expired ({@code _e <= now} is expired),
 * {@code iprestrict} (the caller's address, exactly one of those listed) before {@code urirestrict} (prefix of the
 * request path; {@code *} ends a prefix, {@code |} separates choices), so a KS failing both reports the address;
 * and only then the admin type where the action needs it.
 */
final class KsGuard {
    /** What separates the values of one privilege on the server ({@code PRIVILEGES_DELIMITER}). */
    private static final String PRIVILEGE_VALUE_SEPARATOR = "/";

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
        String ip = decoded.privileges().get("iprestrict");
        if (ip != null && !ipAllowed(ip, remoteIp)) {
            throw invalid(ks, -9, "EXCEEDED_RESTRICTED_IP");
        }
        String uri = decoded.privileges().get("urirestrict");
        if (uri != null && !uriAllowed(uri, request.path())) {
            // -11: the server skips -10, which is another check's code.
            throw invalid(ks, -11, "EXCEEDED_RESTRICTED_URI");
        }
        // Rights come after the KS itself is valid: the server validates the KS before it checks the action.
        if (adminOnly && decoded.type() < 1) {
            throw forbidden(request);
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

    /**
     * The server's test: the caller's address, as a string, equal to one of the values (split on {@code /}); no
     * CIDR, no ranges, no normalising of how an address is written.
     */
    static boolean ipAllowed(String restriction, String remoteIp) {
        for (String allowed : restriction.split(PRIVILEGE_VALUE_SEPARATOR, -1)) {
            if (allowed.equals(remoteIp)) {
                return true;
            }
        }
        return false;
    }
}
