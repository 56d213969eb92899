package io.github.kalturareport.core.internal.http;

import java.util.Map;

/**
 * An error the Kaltura API answered, as parsed from a JSON or XML body or from the {@code X-Kaltura} headers.
 *
 * @param code    e.g. {@code INVALID_KS}
 * @param message the server's message (not yet scrubbed of secrets)
 * @param args    the error's arguments
 */
public record ApiError(String code, String message, Map<String, String> args) {

    public ApiError {
        args = args == null ? Map.of() : Map.copyOf(args);
        message = message == null ? "" : message;
    }
}
