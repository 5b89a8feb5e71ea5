package com.dialtone.server.logging;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * The request log: one line per HTTP request once its reply is complete (long polls and WebSocket
 * upgrades included), on the logger {@code dialtone.requests}: method, path, status, user and duration,
 * as text ({@code [agent1] GET /api/v2/me 200 3ms}, the user from the MDC as on every line) and as fields in JSON
 * ({@code method}, {@code path}, {@code status}, {@code durationMs}; {@code user} and {@code callId} from the MDC like
 * every other line). The user is named once: the message leaves it to the MDC.
 *
 * <p>Never the query string, a header, a cookie or a body: that is where passwords, session ids and
 * tokens travel. CometD's {@code /connect}, the long poll every client repeats while idle, is logged at
 * DEBUG so that the INFO log is of what people do.
 */
public final class RequestLog implements org.eclipse.jetty.server.RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(Logging.REQUESTS);

    @Override
    public void log(Request request, Response response) {
        String path = request.getHttpURI().getPath();
        Level level = path != null && path.startsWith("/api/v2/notifications") && path.endsWith("/connect") ? Level.DEBUG : Level.INFO;
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        // Set by ApiServlet (who authenticated) or SessionUserFilter (whose session it is).
        String user = (String) request.getAttribute(LogContext.USER_ATTRIBUTE);
        String callId = (String) request.getAttribute(LogContext.CALL_ID_ATTRIBUTE);
        long millis = TimeUnit.NANOSECONDS.toMillis(NanoTime.since(request.getBeginNanoTime()));
        int status = response.getStatus();
        String method = request.getMethod();
        // Restores what the thread had: a request may complete on a thread that is still handling another one.
        String previousUser = MDC.get(LogContext.USER);
        String previousCall = MDC.get(LogContext.CALL_ID);
        try {
            put(LogContext.USER, user);
            put(LogContext.CALL_ID, callId);
            LOG.atLevel(level)
                    .addKeyValue("method", method)
                    .addKeyValue("path", path)
                    .addKeyValue("status", status)
                    .addKeyValue("durationMs", millis)
                    // The user is not in the message: the MDC carries it, shown once by both built-in formats.
                    .log("{} {} {} {}ms", method, path, status, millis);
        } finally {
            put(LogContext.USER, previousUser);
            put(LogContext.CALL_ID, previousCall);
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
