package com.dialtone.server.metrics;

import com.dialtone.server.auth.Authenticator;
import com.dialtone.server.auth.User;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.JsonResponses;
import com.dialtone.server.http.StatusCode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: the metrics in Prometheus's text format, for {@code ROLE_ADMIN} only (Basic
 * credentials, as a Prometheus scrape job sends them with {@code basic_auth}); anyone else gets GWS's
 * 401 or 403 body.
 */
public final class MetricsServlet extends HttpServlet {

    private static final String ADMIN_ROLE = "ROLE_ADMIN";

    private final Metrics metrics;
    private final Authenticator authenticator;

    public MetricsServlet(Metrics metrics, Authenticator authenticator) {
        this.metrics = metrics;
        this.authenticator = authenticator;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        User user;
        try {
            user = authenticator.authenticate(request);
        } catch (GwsException refusal) {
            if (refusal.statusCode() == StatusCode.NOT_AUTHENTICATED) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Dialtone\"");
            }
            JsonResponses.write(response, refusal.httpStatus(), refusal.body());
            return;
        }
        if (!user.hasRole(ADMIN_ROLE)) {
            JsonResponses.write(response, 403, GwsException.errorBody(StatusCode.NO_PERMISSION, "The metrics are for administrators"));
            return;
        }
        byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }
}
