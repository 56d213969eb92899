package io.github.kalturareport.simulator.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalturareport.simulator.RecordedRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests received, kept in memory for tests and optionally appended to a file as JSON lines
 * (time, method, path, service, action, parameter names, status, fault, error code, and the rows a report call
 * sent): never parameter values.
 */
public final class RequestLog implements AutoCloseable {
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final BufferedWriter file;
    /** Created only with a file, so a simulator without one starts without loading Jackson. */
    private final ObjectMapper json;

    public RequestLog(Path file) {
        this.json = file == null ? null : new ObjectMapper();
        try {
            this.file = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the request log " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void add(RecordedRequest r) {
        requests.add(r);
        if (file != null) {
            ObjectNode line = json.createObjectNode();
            line.put("time", r.time().toString());
            line.put("method", r.method());
            line.put("path", r.path());
            line.put("service", r.service());
            line.put("action", r.action());
            r.parameterNames().forEach(line.putArray("parameters")::add);
            line.put("authorization", r.authorizationHeader());
            line.put("status", r.status());
            line.put("fault", r.fault().orElse(null));
            line.put("error", r.errorCode().orElse(null));
            if (r.rows() >= 0) {
                // Which report a call asked for and the rows it sent: over-fetch can be measured from outside.
                line.put("report", r.parameter("id").orElse(null));
                line.put("rows", r.rows());
            }
            try {
                file.write(line.toString());
                file.write('\n');
                file.flush();
            } catch (IOException e) {
                // A full disk must not take the server down; the in-memory log still has the request.
            }
        }
    }

    public synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    public synchronized void clear() {
        requests.clear();
    }

    @Override
    public synchronized void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
