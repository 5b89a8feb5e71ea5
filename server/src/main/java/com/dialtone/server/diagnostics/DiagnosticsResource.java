package com.dialtone.server.diagnostics;

import com.dialtone.server.api.Route;
import com.dialtone.server.http.Reply;
import java.util.List;
import java.util.Map;

/**
 * The two endpoints that need no login. {@code version} is the four-part GWS release whose behaviour Dialtone
 * follows (the one of shared/spec/wwe-8.5-session.md), which
 * is what a GWS client compares; Dialtone's own version is beside it.
 */
public final class DiagnosticsResource {

    public static final String GWS_API_VERSION = "8.5.202.96";

    private final String productVersion;

    public DiagnosticsResource(String productVersion) {
        this.productVersion = productVersion;
    }

    public List<Route> routes() {
        return List.of(
                Route.publicGet("/diagnostics/version", request -> version()),
                Route.publicGet("/diagnostics/health", request -> Reply.ok("status", "UP")));
    }

    private Map<String, Object> version() {
        Map<String, Object> reply = Reply.ok("version", GWS_API_VERSION);
        reply.put("product", "Dialtone");
        reply.put("productVersion", productVersion);
        return reply;
    }
}
