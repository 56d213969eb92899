package io.github.kalturareport.core.internal.reports;

import java.util.Locale;

/**
 * What a {@code serve} status means to the client. Only {@code completed} is published; the others are inferred,
 * so any status it does not know means "poll again" (docs/kaltura-protocol.md).
 */
public enum ServiceStatus {
    /** The CSV is ready to download. */
    COMPLETED,
    /** The service gave up ({@code failed} or {@code error}): polling on would not help. */
    FAILED,
    /** Still being made ({@code pending}, {@code processing} and the like). */
    RUNNING,
    /** A status this client does not know: polled again, and said once. */
    UNKNOWN;

    /** The meaning of the status text as the service sent it (case-insensitive). */
    public static ServiceStatus of(String status) {
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "completed", "complete", "done", "ready" -> COMPLETED;
            case "failed", "error", "errored" -> FAILED;
            case "pending", "processing", "queued", "running", "in_progress" -> RUNNING;
            default -> UNKNOWN;
        };
    }
}
