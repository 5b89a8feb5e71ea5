package com.dialtone.server.logging;

import jakarta.servlet.ServletRequest;
import org.slf4j.MDC;

/**
 * Who and which call a log line concerns: the MDC keys {@code user} and {@code callId}, set while a request
 * or an event is handled, so every line written meanwhile carries them (as fields in JSON), and kept on the
 * HTTP request for its line in the request log, which is written once the reply is complete.
 */
public final class LogContext {

    public static final String USER = "user";
    public static final String CALL_ID = "callId";

    static final String USER_ATTRIBUTE = "dialtone.log.user";
    static final String CALL_ID_ATTRIBUTE = "dialtone.log.callId";

    private LogContext() {
    }

    /** The request is made by this user (authenticated). */
    public static void user(ServletRequest request, String userName) {
        MDC.put(USER, userName);
        request.setAttribute(USER_ATTRIBUTE, userName);
    }

    /** The request concerns this call. */
    public static void call(ServletRequest request, String callId) {
        if (callId != null) {
            MDC.put(CALL_ID, callId);
            request.setAttribute(CALL_ID_ATTRIBUTE, callId);
        }
    }

    /** The request is handled: the thread goes back to the pool without its context. */
    public static void clear() {
        MDC.remove(USER);
        MDC.remove(CALL_ID);
    }
}
