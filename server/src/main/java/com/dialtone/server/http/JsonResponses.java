package com.dialtone.server.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes JSON replies. */
public final class JsonResponses {

    private JsonResponses() {
    }

    /**
     * Writes the body with {@code Content-Type: application/json} and no charset parameter: JSON is UTF-8
     * by definition, and at least one public GWS client compares the header exactly.
     */
    public static void write(HttpServletResponse response, int httpStatus, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setStatus(httpStatus);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
