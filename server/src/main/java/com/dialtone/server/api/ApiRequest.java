package com.dialtone.server.api;

import com.dialtone.server.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.dialtone.server.auth.Authenticator;
import com.dialtone.server.auth.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One API request as a handler sees it: who asks, the path parameters, the query and the JSON body. */
public final class ApiRequest {

    private final HttpServletRequest http;
    private final Map<String, String> pathParameters;
    private final User user;
    private final int maxBodyBytes;
    private final Authenticator authenticator;

    ApiRequest(HttpServletRequest http, Map<String, String> pathParameters, User user, int maxBodyBytes, Authenticator authenticator) {
        this.http = http;
        this.pathParameters = pathParameters;
        this.user = user;
        this.maxBodyBytes = maxBodyBytes;
        this.authenticator = authenticator;
    }

    /** After the caller changed their own password: their session goes on, every other one of theirs ends. */
    public void ownPasswordChanged() {
        authenticator.passwordChanged(http, user.id());
    }

    /** The request turned out to be about this call (one it started, say): the logs name it (docs/operations.md). */
    public void concernsCall(String callId) {
        com.dialtone.server.logging.LogContext.call(http, callId);
    }

    /** The authenticated user; null only on public routes. */
    public User user() {
        return user;
    }

    public String path(String name) {
        return pathParameters.get(name);
    }

    /** A query parameter as sent (the first, if repeated), or null when absent. */
    public String query(String name) {
        return http.getParameter(name);
    }

    /**
     * A comma-separated query parameter such as {@code fields=id,state} or {@code subresources=*}, as a
     * set; empty when absent.
     */
    public Set<String> queryList(String name) {
        String value = http.getParameter(name);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * Ends the caller's HTTP session (logs it out), if it has one.
     *
     * @return the id of the session ended, or null
     */
    public String endHttpSession() {
        HttpSession session = http.getSession(false);
        if (session == null) {
            return null;
        }
        String id = session.getId();
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            return null;
        }
        return id;
    }

    /** The id of the caller's HTTP session, or null. */
    public String httpSessionId() {
        HttpSession session = http.getSession(false);
        return session == null ? null : session.getId();
    }

    public JsonNode body() throws IOException {
        JsonNode body = JsonBody.read(http, maxBodyBytes);
        JsonNode operation = body == null ? null : body.get("operationName");
        if (operation != null && operation.isTextual()) {
            http.setAttribute(com.dialtone.server.metrics.RequestMetrics.OPERATION_ATTRIBUTE, operation.asText());
        }
        return body;
    }
}
