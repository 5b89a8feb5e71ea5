package com.dialtone.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty itself answers (a path outside {@code /api/v2}, a malformed request line, a header
 * too large) in the GWS shape too: a JSON {@code statusCode}/{@code statusMessage}, never an HTML page
 * or a stack trace.
 */
public final class JsonErrorHandler extends org.eclipse.jetty.ee11.servlet.ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        StatusCode statusCode = switch (code) {
            case 401 -> StatusCode.NOT_AUTHENTICATED;
            case 403, 405 -> StatusCode.FORBIDDEN;
            case 404 -> StatusCode.NOT_FOUND;
            default -> code >= 500 ? StatusCode.INTERNAL_ERROR : StatusCode.INVALID_INPUT;
        };
        String text = code >= 500 ? "Internal error" : (message != null && !message.isBlank() ? message : HttpStatus.getMessage(code));
        byte[] body = Json.MAPPER.writeValueAsBytes(GwsException.errorBody(statusCode, text));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
