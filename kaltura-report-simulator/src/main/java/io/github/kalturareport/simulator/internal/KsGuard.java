package io.github.kalturareport.simulator.internal;

/**
 * Checks a KS as the server does (docs/kaltura-protocol.md, Checks and privileges): readable, signed with the
 * partner's admin secret, for this partner, not expired ({@code _e <= now} is expired), {@code iprestrict} (the
 * caller's address, exactly one of those listed) before {@code urirestrict} (the request URI, query included, equal
 * to a pattern, or starting with it when the pattern ends in {@code *}; {@code |} separates patterns), so a KS
 * failing both reports the address; and only then the admin type where the action needs it. API v3 and the Reports
 * microservice share these rules and answer a refusal each in their own way.
 */
final class KsGuard {
    /** What separates the values of one privilege on the server ({@code PRIVILEGES_DELIMITER}). */
    static final String PRIVILEGE_VALUE_SEPARATOR = "/";

    private final ServerState state;

    KsGuard(ServerState state) {
        this.state = state;
    }

    /** Why a KS was refused: the server's reason number and name (kSessionBase). */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int reason;
        final String name;

        Refusal(int reason, String name) {
            super(reason + "," + name, null, false, false);
            this.reason = reason;
            this.name = name;
        }

        /** A failed restriction of a valid KS, rather than a KS that is unreadable or expired. */
        boolean restriction() {
            return reason == -9 || reason == -11;
        }
    }

    /** The API v3 check of the request's {@code ks} parameter; refusals become API errors. */
    Ks check(ApiRequest request, String remoteIp, boolean adminOnly) throws ApiException {
        String ks = request.param("ks");
        if (ks == null || ks.isEmpty()) {
            throw forbidden(request);
        }
        Ks decoded;
        try {
            decoded = verify(ks, remoteIp, request.requestUri());
        } catch (Refusal r) {
            if (r.reason == -5) {
                throw new ApiException("INVALID_KS", "Invalid KS \"EXPIRED\", Error \"-5,EXPIRED\"");
            }
            // -11: the server skips -10, which is another check's code.
            throw new ApiException("INVALID_KS", "Invalid KS \"" + ks + "\", Error \"" + r.reason + "," + r.name
                    + "\"");
        }
        // Rights come after the KS itself is valid: the server validates the KS before it checks the action.
        if (adminOnly && decoded.type() < 1) {
            throw forbidden(request);
        }
        return decoded;
    }

    /** The KS's own checks, in the server's order: signature and partner, expiry, iprestrict, urirestrict. */
    Ks verify(String ks, String remoteIp, String requestUri) throws Refusal {
        if (KsCodec.partnerOf(ks) != state.partnerId()) {
            throw new Refusal(-1, "INVALID_STR");
        }
        Ks decoded;
        try {
            decoded = KsCodec.decode(ks, state.adminSecret());
        } catch (KsCodec.InvalidKsException e) {
            throw new Refusal(-1, "INVALID_STR");
        }
        if (decoded.partnerId() != state.partnerId()) {
            throw new Refusal(-1, "INVALID_STR");
        }
        if (decoded.expiry() <= state.now()) {
            throw new Refusal(-5, "EXPIRED");
        }
        String ip = decoded.privileges().get("iprestrict");
        if (ip != null && !ipAllowed(ip, remoteIp)) {
            throw new Refusal(-9, "EXCEEDED_RESTRICTED_IP");
        }
        String uri = decoded.privileges().get("urirestrict");
        if (uri != null && !uriAllowed(uri, requestUri)) {
            throw new Refusal(-11, "EXCEEDED_RESTRICTED_URI");
        }
        return decoded;
    }

    static ApiException forbidden(ApiRequest request) {
        return new ApiException("SERVICE_FORBIDDEN", "The access to service [" + request.service() + "->"
                + request.action() + "] is forbidden");
    }

    /**
     * The server's test against {@code REQUEST_URI} (path and query, as sent): a pattern ending in {@code *} is a
     * prefix, any other pattern must equal the URI; several patterns are separated by {@code |}, any one is enough.
     */
    static boolean uriAllowed(String restriction, String requestUri) {
        for (String pattern : restriction.split("\\|")) {
            if (pattern.isEmpty()) {
                continue;
            }
            if (pattern.endsWith("*") ? requestUri.startsWith(pattern.substring(0, pattern.length() - 1))
                    : requestUri.equals(pattern)) {
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
        return hasValue(restriction, remoteIp);
    }

    /** Whether a privilege's values (separated by {@code /}) hold exactly {@code value}. */
    static boolean hasValue(String privilegeValues, String value) {
        if (privilegeValues == null || value == null) {
            return false;
        }
        for (String allowed : privilegeValues.split(PRIVILEGE_VALUE_SEPARATOR, -1)) {
            if (allowed.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
