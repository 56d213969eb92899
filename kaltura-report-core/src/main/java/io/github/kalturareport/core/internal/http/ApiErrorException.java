package io.github.kalturareport.core.internal.http;

import java.io.IOException;

/** Carries an API error out of an HTTP response handler (which may throw only I/O exceptions). */
public final class ApiErrorException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public ApiErrorException(ApiError error) {
        super("Kaltura API error " + error.code());
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
