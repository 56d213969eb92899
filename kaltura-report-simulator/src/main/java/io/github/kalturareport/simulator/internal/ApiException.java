package io.github.kalturareport.simulator.internal;

import java.util.Map;

/** An API error the server reports inside an HTTP 200 (serialised as XML or JSON). */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Map<String, String> args;

    public ApiException(String code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(String code, String message, Map<String, String> args) {
        super(message);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Map<String, String> args() {
        return args;
    }
}
