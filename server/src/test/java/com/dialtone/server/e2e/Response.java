package com.dialtone.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** An HTTP reply with its body parsed as JSON. */
record Response(int status, HttpHeaders headers, JsonNode body) {

    int statusCode() {
        return body.path("statusCode").asInt(-1);
    }

    String statusMessage() {
        return body.path("statusMessage").asText();
    }
}
