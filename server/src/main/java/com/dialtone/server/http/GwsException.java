package com.dialtone.server.http;

import java.util.Map;

/**
 * A request the server refuses, with the {@code statusCode}, {@code statusMessage} and HTTP status the
 * client gets. Thrown before anything changes; the one mapper in {@link ApiServlet} turns it into the reply.
 */
public final class GwsException extends RuntimeException {

    private final StatusCode statusCode;

    /** The HTTP status is the one the error table gives the code: no caller chooses its own. */
    public GwsException(StatusCode statusCode, String message) {
        super(message, null, false, false);
        this.statusCode = statusCode;
    }

    public static GwsException missing(String parameter) {
        return new GwsException(StatusCode.MISSING_PARAMETER, "Missing mandatory parameter '" + parameter + "'");
    }

    public static GwsException invalid(String parameter, String problem) {
        return new GwsException(StatusCode.INVALID_INPUT, "Invalid parameter '" + parameter + "': " + problem);
    }

    public static GwsException notFound(String what) {
        return new GwsException(StatusCode.NOT_FOUND, what + " not found");
    }

    public StatusCode statusCode() {
        return statusCode;
    }

    public int httpStatus() {
        return statusCode.httpStatus();
    }

    /** The reply body: {@code statusCode} and {@code statusMessage} and nothing else, as GWS does. */
    public Map<String, Object> body() {
        return errorBody(statusCode, getMessage());
    }

    public static Map<String, Object> errorBody(StatusCode statusCode, String message) {
        return Reply.error(statusCode.code(), message);
    }
}
