package io.github.kalturareport.core.internal.http;

import java.io.IOException;

/** An HTTP status that retrying will not fix (400, 401, 403, 404, 500, a redirect …). */
public final class HttpStatusException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
