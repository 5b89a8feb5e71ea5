package com.dialtone.server.api;

import com.dialtone.server.auth.Authenticator;
import com.dialtone.server.auth.CsrfProtection;
import com.dialtone.server.auth.PasswordChangeRequired;
import com.dialtone.server.auth.User;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.JsonBody;
import com.dialtone.server.http.JsonResponses;
import com.dialtone.server.http.StatusCode;
import com.dialtone.server.logging.LogContext;
import com.dialtone.server.metrics.RequestMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every REST request under {@code /api/v2}, in a fixed order: find the route, authenticate (unless the
 * route is public), check CSRF, hold back a user who must change their password first, run the handler,
 * write its reply. Any refusal becomes the GWS error body; anything unexpected is logged with its stack
 * trace and the client gets {@code statusCode} 4 without one. Every method (GET, POST, PUT, DELETE ...)
 * comes through {@link #service}: a path served with other methods only answers 405 with {@code Allow}.
 */
public final class ApiServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final List<Route> routes;
    private final transient Authenticator authenticator;
    private final transient CsrfProtection csrf;
    private final int maxBodyBytes;
    private final transient RequestGate gate;

    public ApiServlet(List<Route> routes, Authenticator authenticator, CsrfProtection csrf, int maxBodyBytes) {
        this(routes, authenticator, csrf, maxBodyBytes, RequestGate.OPEN);
    }

    public ApiServlet(List<Route> routes, Authenticator authenticator, CsrfProtection csrf, int maxBodyBytes, RequestGate gate) {
        // Two routes for the same method and path would leave one silently unused: a wiring mistake.
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Route route : routes) {
            if (!seen.add(route.method() + " " + route.pattern())) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + route.pattern());
            }
        }
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
        this.csrf = csrf;
        this.maxBodyBytes = maxBodyBytes;
        this.gate = gate;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Objects.requireNonNullElse(request.getPathInfo(), "/");
        User user = null;
        try {
            Route route = null;
            Map<String, String> parameters = null;
            TreeSet<String> allowed = new TreeSet<>();
            String[] segments = path.split("/");
            for (Route candidate : routes) {
                Map<String, String> match = candidate.match(segments);
                if (match != null) {
                    allowed.add(candidate.method());
                    if (candidate.method().equals(request.getMethod())) {
                        route = candidate;
                        parameters = match;
                    }
                }
            }
            if (route == null || route.authenticated()) {
                user = authenticator.authenticate(request);
                csrf.check(request);
                if ("GET".equals(request.getMethod())) {
                    csrf.issue(request, response);
                }
            }
            if (route == null) {
                if (allowed.isEmpty()) {
                    throw new GwsException(StatusCode.NOT_FOUND, "No resource at " + request.getRequestURI());
                }
                response.setHeader("Allow", String.join(", ", allowed));
                throw new GwsException(StatusCode.METHOD_NOT_ALLOWED,
                        request.getMethod() + " is not supported on " + request.getRequestURI() + "; use " + String.join(" or ", allowed));
            }
            request.setAttribute(RequestMetrics.ROUTE_ATTRIBUTE, request.getServletPath() + route.pattern());
            if (user != null) {
                LogContext.user(request, user.userName());
            }
            LogContext.call(request, route.callId(parameters));
            if (!route.openBeforePasswordChange()) {
                PasswordChangeRequired.check(user);
            }
            if (user != null) {
                gate.admit(user, request.getMethod(), path);
            }
            Object reply = route.handler().handle(new ApiRequest(request, parameters, user, maxBodyBytes, authenticator));
            if (user != null) {
                gate.beforeReply(user);
            }
            JsonResponses.write(response, 200, reply);
        } catch (GwsException refusal) {
            drainUnread(request);
            if (user != null) {
                gate.beforeReply(user);
            }
            // A script that says so (X-Requested-With: XMLHttpRequest, as the agent desktop does) gets no Basic
            // challenge, so that the browser does not put up its own password dialog (or, headless, hang on it).
            // A script's request without any credentials (WWE's probe for a session, before it shows its login page)
            // gets what GWS answers it: 403 and "Access denied".
            if (refusal.statusCode() == StatusCode.NOT_AUTHENTICATED
                    && "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
                if (request.getHeader("Authorization") == null) {
                    JsonResponses.write(response, 403, GwsException.errorBody(StatusCode.NOT_AUTHENTICATED, "Access denied"));
                    return;
                }
            } else if (refusal.statusCode() == StatusCode.NOT_AUTHENTICATED) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Dialtone\"");
            }
            JsonResponses.write(response, refusal.httpStatus(), refusal.body());
        } catch (Exception e) {
            LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            JsonResponses.write(response, 500, GwsException.errorBody(StatusCode.INTERNAL_ERROR, "Internal error"));
        } finally {
            LogContext.clear();
        }
    }

    /**
     * A request refused before its body was read (wrong path, wrong channel, not logged in) still has the
     * body on the connection. Left there, Jetty closes the connection after the reply, and a client that
     * reuses it for its next request (as every HTTP client does) gets nothing back. So read it away.
     */
    private static void drainUnread(HttpServletRequest request) {
        if (request.getContentLengthLong() == 0) {
            return;
        }
        try {
            JsonBody.discard(request.getInputStream());
        } catch (IOException | IllegalStateException alreadyReadOrClosed) {
            // nothing left to drain
        }
    }
}
