package io.github.kalturareport.core.internal.reports;

import java.io.IOException;

/**
 * An HTTP status from the Reports microservice that retrying will not fix (400, 401, 403, 404, 409 …), with the
 * error code and message of its JSON body when it had one (never a secret: the client scrubs them).
 */
public final class ServiceHttpException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String serverMessage;

    public ServiceHttpException(int status, String code, String serverMessage) {
        super("HTTP " + status + (code.isEmpty() ? "" : " " + code)
                + (serverMessage.isEmpty() ? "" : ": " + serverMessage));
        this.status = status;
        this.code = code;
        this.serverMessage = serverMessage;
    }

    public int status() {
        return status;
    }

    /** The error body's {@code code}, e.g. {@code SESSION_NOT_FOUND}; empty when there was none. */
    public String code() {
        return code;
    }

    /** The error body's {@code message}, scrubbed; empty when there was none. */
    public String serverMessage() {
        return serverMessage;
    }
}
