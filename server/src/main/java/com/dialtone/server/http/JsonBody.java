package com.dialtone.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads a request body that must be one JSON object, refusing anything else before it is parsed. */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonNode read(HttpServletRequest request, int maxBytes) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !mediaType(contentType).equals("application/json")) {
            throw new GwsException(StatusCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json, was " + (contentType == null ? "missing" : "'" + contentType + "'"));
        }
        // BodyLimitFilter refused anything over the limit already; this only keeps the parser's input bounded.
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(bytes.length, maxBytes);
            }
        }
        if (bytes.length == 0) {
            throw new GwsException(StatusCode.MISSING_PARAMETER, "Request body is empty; a JSON object is required");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new GwsException(StatusCode.INVALID_INPUT, "Malformed JSON in request body" + where + ": " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Request body must be a JSON object");
        }
        return body;
    }

    /**
     * Reads away what is left of a body that will not be used, so that the connection can serve the next
     * request. Bounded: BodyLimitFilter let no body over the limit through.
     */
    public static void discard(InputStream in) throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static GwsException tooLarge(long size, int maxBytes) {
        return new GwsException(StatusCode.BODY_TOO_LARGE,
                "Request body is " + (size > maxBytes ? "more than " + maxBytes : size) + " bytes; the limit is " + maxBytes);
    }
}
