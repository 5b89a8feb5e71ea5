package com.dialtone.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty itself answers (a malformed request line, headers too large, a path outside
 * {@code /api/v2}) in the GWS shape too: a JSON {@code statusCode}/{@code statusMessage}, never an HTML
 * page or a stack trace. This one serves the server; {@link ForContext} serves the servlet context.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        writeJson(response, code, message, callback);
    }

    /** The same, inside the servlet context (Jetty's servlet error handler is a different class). */
    public static final class ForContext extends org.eclipse.jetty.ee11.servlet.ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            writeJson(response, code, message, callback);
        }
    }

    private static void writeJson(Response response, int code, String message, Callback callback) {
        byte[] body = body(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] body(int code, String message) {
        StatusCode statusCode = switch (code) {
            case 401 -> StatusCode.NOT_AUTHENTICATED;
            case 403 -> StatusCode.FORBIDDEN;
            case 404 -> StatusCode.NOT_FOUND;
            case 405 -> StatusCode.METHOD_NOT_ALLOWED;
            case 413 -> StatusCode.BODY_TOO_LARGE;
            case 415 -> StatusCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> StatusCode.SERVICE_UNAVAILABLE;
            default -> code >= 500 ? StatusCode.INTERNAL_ERROR : StatusCode.INVALID_INPUT;
        };
        String text = code >= 500 || message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        try {
            return Json.MAPPER.writeValueAsBytes(GwsException.errorBody(statusCode, text));
        } catch (IOException e) {
            throw new IllegalStateException("a map of two strings always serialises", e);
        }
    }
}
