package com.dialtone.server.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A method and a path pattern such as {@code /me/calls/{id}} (relative to {@code /api/v2}), the handler
 * that serves them, whether the caller must be authenticated, and whether a user who must change their
 * password first may use it ({@code GET /me}, and {@code POST /me} for ChangePassword).
 */
public record Route(String method, String pattern, boolean authenticated, boolean openBeforePasswordChange, Handler handler) {

    /** Each pattern's segments, split once. */
    private static final Map<String, String[]> SEGMENTS = new ConcurrentHashMap<>();

    @FunctionalInterface
    public interface Handler {
        /** Returns the reply body; throws {@link com.dialtone.server.http.GwsException} to refuse. */
        Object handle(ApiRequest request) throws Exception;
    }

    public Route(String method, String pattern, boolean authenticated, Handler handler) {
        this(method, pattern, authenticated, false, handler);
    }

    public static Route get(String pattern, Handler handler) {
        return new Route("GET", pattern, true, handler);
    }

    public static Route post(String pattern, Handler handler) {
        return new Route("POST", pattern, true, handler);
    }

    public static Route put(String pattern, Handler handler) {
        return new Route("PUT", pattern, true, handler);
    }

    public static Route delete(String pattern, Handler handler) {
        return new Route("DELETE", pattern, true, handler);
    }

    public static Route publicGet(String pattern, Handler handler) {
        return new Route("GET", pattern, false, handler);
    }

    /**
     * This route, open to a user whose password must be changed first; its handler then enforces the
     * rule itself where it serves more than the change (see {@link com.dialtone.server.auth.PasswordChangeRequired}).
     */
    public Route beforePasswordChange() {
        return new Route(method, pattern, authenticated, true, handler);
    }

    /** The call a request on this route is about, for the logs: the id in {@code .../calls/{id}} or {@code .../interactions/{interactionId}}. */
    String callId(Map<String, String> parameters) {
        if (pattern.endsWith("/calls/{id}")) {
            return parameters.get("id");
        }
        return pattern.endsWith("/interactions/{interactionId}") ? parameters.get("interactionId") : null;
    }

    /**
     * The path parameters if the path, split at its slashes (once per request: it is matched against
     * every route), fits the pattern; else null.
     */
    Map<String, String> match(String[] actual) {
        String[] expected = SEGMENTS.computeIfAbsent(pattern, p -> p.split("/"));
        if (expected.length != actual.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>(2);
        for (int i = 0; i < expected.length; i++) {
            String segment = expected[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
            } else if (!segment.equals(actual[i])) {
                return null;
            }
        }
        return parameters;
    }
}
