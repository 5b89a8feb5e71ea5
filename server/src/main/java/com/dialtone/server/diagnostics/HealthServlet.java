package com.dialtone.server.diagnostics;

import com.dialtone.server.http.JsonResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The probes of a load balancer or an orchestrator, without login (docs/operations.md, "Health"):
 * {@code GET /health/live} answers 200 while the process serves HTTP at all (restart it when it does not);
 * {@code GET /health/ready} answers 200 when every part the server needs is up and 503 when one is not
 * (send it no traffic meanwhile), naming each part's state either way.
 */
public final class HealthServlet extends HttpServlet {

    private final Readiness readiness;

    public HealthServlet(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/live" -> JsonResponses.write(response, 200, Map.of("status", "UP"));
            case "/ready" -> {
                Map<String, String> checks = readiness.check();
                boolean up = Readiness.allUp(checks);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", up ? "UP" : "DOWN");
                body.put("checks", checks);
                JsonResponses.write(response, up ? 200 : 503, body);
            }
            default -> JsonResponses.write(response, 404, Map.of("status", "NOT_FOUND", "paths", java.util.List.of("/health/live", "/health/ready")));
        }
    }
}
