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

    /**
     * How much of an oversized body is read and thrown away before the refusal is sent. Closing a
     * connection with unread bytes in it resets it, and the client may lose the 413 with it; past this
     * much, that is the client's problem.
     */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private JsonBody() {
    }

    public static JsonNode read(HttpServletRequest request, int maxBytes) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !mediaType(contentType).equals("application/json")) {
            throw new GwsException(StatusCode.INVALID_INPUT, 415,
                    "Content-Type must be application/json, was " + (contentType == null ? "missing" : "'" + contentType + "'"));
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            discard(request.getInputStream());
            throw tooLarge(declared, maxBytes);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                discard(in);
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

    /** Reads what is left of a body that will not be used, up to {@link #DRAIN_LIMIT}. */
    public static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long drained = 0;
        for (int n = in.read(buffer); n > 0 && drained < DRAIN_LIMIT; n = in.read(buffer)) {
            drained += n;
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static GwsException tooLarge(long size, int maxBytes) {
        return new GwsException(StatusCode.INVALID_INPUT, 413,
                "Request body is " + (size > maxBytes ? "more than " + maxBytes : size) + " bytes; the limit is " + maxBytes);
    }
}
