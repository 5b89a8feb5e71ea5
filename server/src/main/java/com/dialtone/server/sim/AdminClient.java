package com.dialtone.server.sim;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * How the command line's test-lab tools ({@code dialtone scenario}, {@code dialtone fault}) talk to a
 * running server: JSON over HTTP as an administrator. A refusal or an unreachable server becomes a
 * {@link Failure} whose message is meant for the person at the terminal.
 */
public final class AdminClient {

    /** A request that did not succeed, said for people. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final String server;
    private final String credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AdminClient(String server, String user, String password) {
        this.server = server.replaceAll("/+$", "");
        this.credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String server() {
        return server;
    }

    public JsonNode get(String path) throws Failure {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public JsonNode post(String path, Object body) throws Failure {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public JsonNode delete(String path) throws Failure {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return URI.create(server + path);
    }

    private JsonNode send(HttpRequest.Builder builder) throws Failure {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new Failure("cannot reach " + server + " (" + why + "); is the server running? (./dialtone serve)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        JsonNode reply;
        try {
            reply = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new Failure(server + " answered HTTP " + response.statusCode() + " without JSON; is it a Dialtone server?");
        }
        if (reply == null || reply.path("statusCode").asInt(-1) != 0) {
            throw new Failure("refused (HTTP " + response.statusCode() + ", statusCode " + (reply == null ? "?" : reply.path("statusCode").asText())
                    + "): " + (reply == null ? "" : reply.path("statusMessage").asText()));
        }
        return reply;
    }
}
