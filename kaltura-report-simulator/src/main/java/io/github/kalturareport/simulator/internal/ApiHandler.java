package io.github.kalturareport.simulator.internal;

import io.github.kalturareport.simulator.Fault;
import io.github.kalturareport.simulator.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty handler: reads a request in any of the API's forms, applies the faults in force, runs the action and
 * writes its answer (streaming reports row by row), then records the request without its secrets.
 */
public final class ApiHandler extends Handler.Abstract {
    private static final int MAX_BODY = 16 << 20;
    private static final int TRUNCATED_CAPTURE = 16 << 10;
    private static final String NOT_FOUND_HTML = "<html><head><title>404 Not Found</title></head><body><center>"
            + "<h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>\n";

    private final ServerState state;
    private final ApiActions actions;
    private final ReportsService reportsService;

    public ApiHandler(ServerState state) {
        this.state = state;
        this.actions = new ApiActions(state);
        this.reportsService = new ReportsService(state);
    }

    /** What happened to one request, for the log. */
    private final class Trace {
        final Instant time;
        final Request request;
        ApiRequest api;
        ReportsService.Call call;
        int status;
        String fault;
        String error;
        long rows = -1;
        boolean recorded;

        Trace(Instant time, Request request) {
            this.time = time;
            this.request = request;
        }

        /** Records the request once; called before the last byte leaves, so a client that got its answer sees it. */
        void record() {
            if (!recorded) {
                recorded = true;
                ApiHandler.this.record(time, request, this);
            }
        }
    }

    /** A fully rendered (small) answer. */
    private record Rendered(int status, Map<String, String> headers, byte[] body) {
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        Instant time = state.clock().instant();
        Trace trace = new Trace(time, request);
        ApiRequest api = null;
        try {
            byte[] body = readBody(request);
            if (body == null) {
                trace.status = 413;
                send(response, html(413, "413 Request Entity Too Large"), trace);
                callback.succeeded();
                return true;
            }
            String path = request.getHttpURI().getPath();
            if (ReportsService.handles(path)) {
                ReportsService.Call call = ReportsService.read(request.getMethod(), path,
                        request.getHttpURI().getQuery(), request.getHeaders().get(HttpHeader.AUTHORIZATION), body);
                trace.call = call;
                handleService(call, request, response, callback, trace);
                return true;
            }
            api = ApiRequest.parse(request.getMethod(), path,
                    request.getHttpURI().getQuery(), request.getHeaders().get(HttpHeader.CONTENT_TYPE), body);
            trace.api = api;
            if (!api.isApiPath()) {
                trace.status = 404;
                send(response, new Rendered(404, Map.of("Content-Type", "text/html"),
                        NOT_FOUND_HTML.getBytes(StandardCharsets.UTF_8)), trace);
                callback.succeeded();
                return true;
            }
            FaultPlan.Decision decision = state.faults().decide(api.service(), api.action(), api.param("id"));
            if (decision.latencyMillis() > 0 || decision.perRowNanos() > 0) {
                trace.fault = decision.latency().toString();
                Thread.sleep(decision.latencyMillis());
            }
            if (decision.terminal() != null) {
                trace.fault = decision.terminal().toString();
                injectFault(decision.terminal(), api, request, response, callback, started, trace);
                return true;
            }
            Outcome outcome = actions.dispatch(api, Request.getRemoteAddr(request));
            if (outcome instanceof Outcome.Report) {
                streamReport((Outcome.Report) outcome, response, trace, decision.perRowNanos());
            } else {
                Rendered rendered = render(outcome, api, started, trace);
                trace.status = rendered.status();
                send(response, rendered, trace);
            }
            callback.succeeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failQuietly(response, callback, e);
        } catch (Throwable t) {
            failQuietly(response, callback, t);
        } finally {
            trace.record();
        }
        return true;
    }

    /** A request to the Reports microservice: faults, then the service's answer (a CSV is streamed). */
    private void handleService(ReportsService.Call call, Request request, Response response, Callback callback,
            Trace trace) throws IOException, InterruptedException {
        FaultPlan.Decision decision = state.faults().decide(ReportsService.SERVICE, call.action(), null);
        if (decision.latencyMillis() > 0 || decision.perRowNanos() > 0) {
            trace.fault = decision.latency().toString();
            Thread.sleep(decision.latencyMillis());
        }
        Fault fault = decision.terminal();
        if (fault != null) {
            trace.fault = fault.toString();
            if (injectTransportFault(fault, request, response, callback, trace)) {
                return;
            }
            if (fault.kind() == Fault.Kind.TRUNCATED_BODY) {
                Rendered full = renderService(reportsService.answer(call, Request.getRemoteAddr(request)), trace);
                sendTruncated(full, request, response, trace);
                callback.succeeded();
                return;
            }
            // api-error and druid-timeout: the service's JSON error in an HTTP 500 (inferred).
            boolean druid = fault.kind() == Fault.Kind.DRUID_TIMEOUT;
            Rendered r = renderService(ReportsService.fault(druid ? "DRUID_QUERY_TIMED_OUT" : fault.errorCode(),
                    druid ? "Druid query timed out" : fault.errorMessage()), trace);
            send(response, r, trace);
            callback.succeeded();
            return;
        }
        ReportsService.Answer answer = reportsService.answer(call, Request.getRemoteAddr(request));
        if (answer.csv() != null) {
            response.setStatus(answer.status());
            answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
            trace.status = answer.status();
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                trace.rows = answer.csv().writeTo(out);
                trace.record();
            }
        } else {
            send(response, renderService(answer, trace), trace);
        }
        callback.succeeded();
    }

    /** A service answer as bytes; a CSV is captured only up to what a cut-short body needs. */
    private static Rendered renderService(ReportsService.Answer answer, Trace trace) throws IOException {
        trace.status = answer.status();
        trace.error = answer.errorCode();
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        if (answer.csv() == null) {
            return new Rendered(answer.status(), headers, answer.body());
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            answer.csv().writeTo(new CappedOutputStream(captured, TRUNCATED_CAPTURE));
        } catch (CappedOutputStream.Full full) {
            // Enough captured for a cut-short body.
        }
        return new Rendered(answer.status(), headers, captured.toByteArray());
    }

    /**
     * Ends a request that failed (mostly a client that went away mid-report) without handing Jetty an exception:
     * Jetty would log it with the request URI, and a client that put its KS in the URL would find it in the log.
     */
    private static void failQuietly(Response response, Callback callback, Throwable failure) {
        if (!response.isCommitted()) {
            try {
                response.setStatus(500);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
                callback.succeeded();
                return;
            } catch (RuntimeException ignored) {
                // fall through to the abort below
            }
        }
        callback.failed(new IOException("The simulator could not finish this answer: "
                + failure.getClass().getSimpleName()));
    }

    private static byte[] readBody(Request request) throws IOException {
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private void streamReport(Outcome.Report report, Response response, Trace trace, long perRowNanos)
            throws IOException, InterruptedException {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv");
        response.getHeaders().put("Content-Disposition", contentDisposition(report.id()));
        trace.status = 200;
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            // The report buffers itself and writes large chunks, so no BufferedOutputStream here.
            trace.rows = report.report().writeTo(out);
            if (perRowNanos > 0) {
                // The latency's term per row: the answer's last bytes wait until the modelled query time is over.
                long nanos = trace.rows * perRowNanos;
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
            // Recorded before the closing chunk, so the request is in the log once the client has the whole body.
            trace.record();
        }
    }

    private String contentDisposition(int reportId) {
        return "attachment; filename=\"Report_" + reportId + "_" + state.partnerId() + ".csv\"";
    }

    private Rendered render(Outcome outcome, ApiRequest api, long started, Trace trace) throws IOException {
        ApiResponses.Shape shape = ApiResponses.shape(api.param("format"));
        String callback = api.queryParam("callback");
        if (shape == ApiResponses.Shape.JSONP && (outcome instanceof Outcome.Result
                || outcome instanceof Outcome.Error)) {
            ApiException refused = ApiResponses.callbackProblem(callback);
            if (refused != null) {
                // No usable callback, so nothing to wrap: the refusal goes out as plain JSON (inferred).
                outcome = new Outcome.Error(refused);
                shape = ApiResponses.Shape.JSON;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, String> headers = new LinkedHashMap<>();
        if (outcome instanceof Outcome.Result) {
            headers.put("Content-Type", shape.contentType);
            return new Rendered(200, headers, ApiResponses.result(shape, callback,
                    ((Outcome.Result) outcome).value(), seconds).getBytes(StandardCharsets.UTF_8));
        }
        if (outcome instanceof Outcome.Error) {
            ApiException e = ((Outcome.Error) outcome).error();
            trace.error = e.code();
            headers.put("Content-Type", shape.contentType);
            return new Rendered(200, headers, ApiResponses.error(shape, callback, e, seconds)
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (outcome instanceof Outcome.FileError) {
            Outcome.FileError e = (Outcome.FileError) outcome;
            trace.error = e.code();
            headers.put("X-Kaltura", "error-" + e.code());
            headers.put("X-Kaltura-App", "exiting on error " + e.code() + " - " + e.message());
            return new Rendered(200, headers, new byte[0]);
        }
        Outcome.Report report = (Outcome.Report) outcome;
        headers.put("Content-Type", "text/csv");
        headers.put("Content-Disposition", contentDisposition(report.id()));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            trace.rows = report.report().writeTo(new CappedOutputStream(captured, TRUNCATED_CAPTURE));
        } catch (CappedOutputStream.Full full) {
            // Enough captured for a cut-short body.
        }
        return new Rendered(200, headers, captured.toByteArray());
    }

    private void injectFault(Fault fault, ApiRequest api, Request request, Response response, Callback callback,
            long started, Trace trace) throws IOException {
        if (injectTransportFault(fault, request, response, callback, trace)) {
            return;
        }
        switch (fault.kind()) {
            case API_ERROR: {
                Rendered r = render(new Outcome.Error(new ApiException(fault.errorCode(), fault.errorMessage())), api,
                        started, trace);
                trace.status = r.status();
                send(response, r, trace);
                callback.succeeded();
                return;
            }
            case DRUID_TIMEOUT: {
                String message = "Druid query timed out";
                Outcome outcome = "report.getcsvfromstringparams".equals(api.serviceAction())
                        ? new Outcome.FileError("DRUID_QUERY_TIMED_OUT", message)
                        : new Outcome.Error(new ApiException("DRUID_QUERY_TIMED_OUT", message));
                Rendered r = render(outcome, api, started, trace);
                trace.status = r.status();
                send(response, r, trace);
                callback.succeeded();
                return;
            }
            case TRUNCATED_BODY: {
                Rendered full = render(actions.dispatch(api, Request.getRemoteAddr(request)), api, started, trace);
                trace.status = full.status();
                sendTruncated(full, request, response, trace);
                callback.succeeded();
                return;
            }
            default:
                throw new IllegalStateException("Unhandled fault " + fault);
        }
    }

    /** The answer's headers with a Content-Length larger than the half of its body that is sent, then a close. */
    private static void sendTruncated(Rendered full, Request request, Response response, Trace trace)
            throws IOException {
        byte[] body = full.body();
        int sent = body.length / 2;
        long declared = body.length + 1024L;
        response.setStatus(full.status());
        full.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, declared);
        trace.rows = -1;
        trace.record();
        OutputStream out = Content.Sink.asOutputStream(response);
        out.write(body, 0, sent);
        out.flush();
        closeConnection(request, false);
    }

    /** The faults that look the same on every endpoint (statuses from the proxy, a reset); false for others. */
    private static boolean injectTransportFault(Fault fault, Request request, Response response, Callback callback,
            Trace trace) throws IOException {
        switch (fault.kind()) {
            case SERVICE_UNAVAILABLE:
            case TOO_MANY_REQUESTS: {
                int status = fault.kind() == Fault.Kind.SERVICE_UNAVAILABLE ? 503 : 429;
                Rendered r = html(status, status == 503 ? "503 Service Temporarily Unavailable" : "429 Too Many Requests");
                r.headers().put("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                trace.status = status;
                send(response, r, trace);
                callback.succeeded();
                return true;
            }
            case BAD_GATEWAY:
                trace.status = 502;
                send(response, html(502, "502 Bad Gateway"), trace);
                callback.succeeded();
                return true;
            case CONNECTION_RESET:
                trace.status = 0;
                trace.record();
                closeConnection(request, true);
                // Succeeding (not failing) keeps Jetty from logging the request URI, which may hold a KS.
                callback.succeeded();
                return true;
            default:
                return false;
        }
    }

    /** Closes the TCP connection under Jetty: with {@code reset}, SO_LINGER 0 makes the close a RST. */
    private static void closeConnection(Request request, boolean reset) throws IOException {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (endPoint instanceof SocketChannelEndPoint) {
            SocketChannel channel = ((SocketChannelEndPoint) endPoint).getChannel();
            if (reset) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
            channel.close();
        }
        endPoint.close();
    }

    private static Rendered html(int status, String title) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html");
        String body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new Rendered(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Rendered rendered, Trace trace) throws IOException {
        trace.record();
        response.setStatus(rendered.status());
        rendered.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, rendered.body().length);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(rendered.body());
        }
    }

    private void record(Instant time, Request request, Trace trace) {
        String method = request.getMethod();
        String path = redactPath(request.getHttpURI().getPath());
        Map<String, String> publicValues = new LinkedHashMap<>();
        java.util.List<String> names = java.util.List.of();
        String service = null;
        String action = null;
        ApiRequest api = trace.api;
        if (api != null) {
            names = api.names();
            for (String name : names) {
                if (!RecordedRequest.isSecret(name) && api.param(name) != null) {
                    publicValues.put(name, api.param(name));
                }
            }
            service = api.service();
            action = api.action();
        } else if (trace.call != null) {
            names = trace.call.names();
            trace.call.publicValues().forEach((name, value) -> {
                if (!RecordedRequest.isSecret(name)) {
                    publicValues.put(name, value);
                }
            });
            service = ReportsService.SERVICE;
            action = trace.call.action();
        }
        boolean authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION) != null;
        state.log().add(new RecordedRequest(time, method, path, service, action, names, publicValues, trace.status,
                trace.fault, trace.error, trace.rows, authorization));
    }

    static String redactPath(String path) {
        if (path == null) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String previous = java.net.URLDecoder.decode(segments[i - 1].replace("+", "%2B"), StandardCharsets.UTF_8);
            if (!previous.isEmpty() && RecordedRequest.isSecret(previous) && !segments[i].isEmpty()) {
                segments[i] = "***";
            }
        }
        return String.join("/", segments);
    }

}
