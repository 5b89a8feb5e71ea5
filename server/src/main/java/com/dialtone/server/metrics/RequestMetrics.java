package com.dialtone.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;

/**
 * {@code dialtone_http_requests_seconds}: every HTTP request once its reply is complete, by method, route
 * (the pattern of the API route that served it, e.g. {@code /api/v2/me/calls/{id}}, never a raw path,
 * so that ids do not make a series each), status, and {@code operation}: the {@code operationName} of a request carried out (2xx) that names one;
 * a histogram with buckets from 5 ms to 10 s.
 */
public final class RequestMetrics implements org.eclipse.jetty.server.RequestLog {

    /** Set by ApiServlet: the servlet path and pattern of the route that served the request. */
    public static final String ROUTE_ATTRIBUTE = "dialtone.metrics.route";
    /** Set by ApiServlet: the operationName of the request body, when it has one. */
    public static final String OPERATION_ATTRIBUTE = "dialtone.metrics.operation";

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void log(Request request, Response response) {
        String route = (String) request.getAttribute(ROUTE_ATTRIBUTE);
        // Only operations that were carried out: a refused body may name anything, and each name would be a series.
        String operation = response.getStatus() < 400 ? (String) request.getAttribute(OPERATION_ATTRIBUTE) : null;
        Timer.builder("dialtone.http.requests")
                .description("HTTP requests by method, route, operation and status")
                .tag("method", request.getMethod())
                .tag("route", route != null ? route : family(request.getHttpURI().getPath()))
                .tag("operation", operation == null ? "" : operation)
                .tag("status", Integer.toString(response.getStatus()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(NanoTime.since(request.getBeginNanoTime()), TimeUnit.NANOSECONDS);
    }

    /** What a request no API route served is counted under: few values, whatever the path. */
    private static String family(String path) {
        if (path == null) {
            return "other";
        }
        if (path.startsWith("/api/v2/notifications")) {
            return "/api/v2/notifications";
        }
        if (path.equals("/metrics") || path.startsWith("/health/")) {
            return path.startsWith("/health/") && !path.equals("/health/live") && !path.equals("/health/ready") ? "/health/*" : path;
        }
        if (path.startsWith("/api/") || path.startsWith("/internal-api/") || path.startsWith("/sim/")) {
            return "unmatched";
        }
        return "static";
    }
}
