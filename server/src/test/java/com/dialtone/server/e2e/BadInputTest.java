package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.dialtone.server.http.Json;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of bad request gets a 4xx, a non-zero statusCode and a statusMessage that names the problem,
 * with nothing else in the body; and it changes nothing: no call created or changed, no notification.
 */
class BadInputTest extends EndToEndTest {

    private record Case(String name, String method, String path, String contentType, String body,
                        int http, int statusCode, String messageContains) {
    }

    private static final String DIAL = "/me/devices/{device}/calls";
    private static final String CALL = "/me/calls/{call}";
    private static final String JSON = "application/json";

    private static final List<Case> CASES = List.of(
            new Case("malformed JSON on Dial", "POST", DIAL, JSON, "{\"operationName\":\"Dial\",", 400, 10, "Malformed JSON"),
            new Case("malformed JSON on a call", "POST", CALL, JSON, "{operationName: Hangup}", 400, 10, "Malformed JSON"),
            new Case("trailing garbage", "POST", CALL, JSON, "{\"operationName\":\"Hangup\"} x", 400, 10, "Malformed JSON"),
            new Case("duplicate key", "POST", CALL, JSON, "{\"operationName\":\"SendDtmf\",\"operationName\":\"Hangup\"}", 400, 10, "Duplicate field"),
            new Case("body is an array", "POST", CALL, JSON, "[{\"operationName\":\"Hangup\"}]", 400, 10, "JSON object"),
            new Case("empty body", "POST", CALL, JSON, "", 400, 1, "empty"),
            new Case("missing operationName on Dial", "POST", DIAL, JSON, "{\"destination\":{\"phoneNumber\":\"15002\"}}", 400, 1, "'operationName'"),
            new Case("missing operationName on a call", "POST", CALL, JSON, "{\"digits\":\"1\"}", 400, 1, "'operationName'"),
            new Case("operationName not a string", "POST", CALL, JSON, "{\"operationName\":7}", 400, 10, "'operationName'"),
            new Case("missing destination", "POST", DIAL, JSON, "{\"operationName\":\"Dial\"}", 400, 1, "'destination'"),
            new Case("destination without phoneNumber", "POST", DIAL, JSON, "{\"operationName\":\"Dial\",\"destination\":{}}", 400, 1, "'destination.phoneNumber'"),
            new Case("destination as a string", "POST", DIAL, JSON, "{\"operationName\":\"Dial\",\"destination\":\"15002\"}", 400, 10, "'destination'"),
            new Case("destination not a number", "POST", DIAL, JSON, "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"call me\"}}", 400, 10, "destination must be"),
            new Case("dialling oneself", "POST", DIAL, JSON, "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15001\"}}", 400, 10, "cannot dial itself"),
            new Case("location not a string", "POST", DIAL, JSON, "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15002\"},\"location\":{}}", 400, 10, "'location'"),
            new Case("userData not an object", "POST", DIAL, JSON, "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15002\"},\"userData\":[1]}", 400, 10, "'userData'"),
            new Case("userData over a call's limit on Dial", "POST", DIAL, JSON, "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15002\"},\"userData\":{\"a\":\"" + "x".repeat(40_000) + "\"}}", 400, 10, "at most 32768"),
            new Case("userData over a call's limit", "POST", CALL, JSON, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"a\":[\"" + "x".repeat(40_000) + "\"]}}", 400, 10, "at most 32768"),
            new Case("unknown operation on a device", "POST", DIAL, JSON, "{\"operationName\":\"MakeCall\",\"destination\":{\"phoneNumber\":\"15002\"}}", 400, 10, "Unknown operationName 'MakeCall'"),
            new Case("unknown operation on a call", "POST", CALL, JSON, "{\"operationName\":\"Teleport\"}", 400, 10, "Unknown operationName 'Teleport'"),
            new Case("operation not in capabilities", "POST", CALL, JSON, "{\"operationName\":\"Answer\"}", 400, 2, "Answer is not available while the call is Dialing"),
            new Case("SendDtmf without digits", "POST", CALL, JSON, "{\"operationName\":\"SendDtmf\"}", 400, 1, "'digits'"),
            new Case("SendDtmf with letters", "POST", CALL, JSON, "{\"operationName\":\"SendDtmf\",\"digits\":\"12ab\"}", 400, 10, "DTMF digits"),
            new Case("UpdateUserData without userData", "POST", CALL, JSON, "{\"operationName\":\"UpdateUserData\"}", 400, 1, "'userData'"),
            new Case("AttachUserData with no pairs", "POST", CALL, JSON, "{\"operationName\":\"AttachUserData\",\"userData\":{}}", 400, 1, "at least one key"),
            new Case("DeleteUserDataPair without key", "POST", CALL, JSON, "{\"operationName\":\"DeleteUserDataPair\"}", 400, 1, "'key'"),
            new Case("DeleteUserDataPair of a missing key", "POST", CALL, JSON, "{\"operationName\":\"DeleteUserDataPair\",\"key\":\"nope\"}", 400, 10, "no user data key 'nope'"),
            new Case("wrong content type", "POST", CALL, "text/plain", "{\"operationName\":\"Hangup\"}", 415, 10, "Content-Type must be application/json"),
            new Case("form content type", "POST", DIAL, "application/x-www-form-urlencoded", "operationName=Dial", 415, 10, "Content-Type must be application/json"),
            new Case("no content type", "POST", CALL, null, "{\"operationName\":\"Hangup\"}", 415, 10, "Content-Type must be application/json"),
            new Case("oversized body", "POST", CALL, JSON, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"big\":\"" + "x".repeat(70_000) + "\"}}", 413, 10, "the limit is 65536"),
            new Case("unknown call id", "POST", "/me/calls/00000000000000000000000000000000", JSON, "{\"operationName\":\"Hangup\"}", 404, 6, "not found"),
            new Case("unknown call id on GET", "GET", "/me/calls/nope", null, null, 404, 6, "not found"),
            new Case("unknown device id", "POST", "/me/devices/631608b3-0000-0000-0000-000000000000/calls", JSON, "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15002\"}}", 404, 6, "not found"),
            new Case("unknown resource", "GET", "/me/telepathy", null, null, 404, 6, "No resource at /api/v2/me/telepathy"),
            new Case("method not allowed", "DELETE", CALL, null, null, 405, 3, "DELETE is not supported"),
            new Case("PUT on a call", "PUT", CALL, JSON, "{\"operationName\":\"Hangup\"}", 405, 3, "PUT is not supported"));

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyBadRequest_isRefusedClearly_andChangesNothing(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        JsonNode live = agent1.dial("5550187");
        String callId = live.path("id").asText();

        for (Case c : CASES) {
            String path = c.path().replace("{device}", agent1.deviceId).replace("{call}", callId);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.api(path)))
                    .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.body()));
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            Response response = agent1.send(request);

            assertThat(response.status()).as("%s: HTTP status of %s", c.name(), response.body()).isEqualTo(c.http());
            assertThat(response.headers().firstValue("Content-Type")).as(c.name()).hasValue("application/json");
            assertThat(SeedDialTest.fieldNames(response.body())).as(c.name()).containsExactly("statusCode", "statusMessage");
            assertThat(response.statusCode()).as("%s: statusCode of %s", c.name(), response.body()).isEqualTo(c.statusCode());
            assertThat(response.statusMessage()).as(c.name()).contains(c.messageContains())
                    .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("com.dialtone");
        }

        assertThat(agent1.get("/me/calls").body().path("uris")).as("no call created").hasSize(1);
        JsonNode after = agent1.get("/me/calls/" + callId).body().path("call");
        assertThat(after.path("state").asText()).isEqualTo("Dialing");
        assertThat(after.has("userData")).as("no user data attached").isFalse();
        agent1.expectNothingBefore(callId);
    }

    @Test
    void errorsJettyAnswersItself_areGwsJsonToo() throws Exception {
        // (/index.html is the agent desktop now: docs/agent-desktop.md.)
        Agent agent1 = restOnly("agent1");
        Response notApi = agent1.send(HttpRequest.newBuilder(URI.create(server.local() + "/no-such-page.html")).GET());
        assertThat(notApi.status()).isEqualTo(404);
        assertThat(notApi.body()).isEqualTo(Json.MAPPER.readTree("{\"statusCode\":6,\"statusMessage\":\"Not Found\"}"));

        String raw = rawRequest("GET /api/v2/me/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 400");
        JsonNode body = Json.MAPPER.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertThat(body.path("statusCode").asInt()).isEqualTo(10);
        assertThat(SeedDialTest.fieldNames(body)).containsExactly("statusCode", "statusMessage");
    }

    @Test
    void anOversizedBayeuxMessage_isRefused() throws Exception {
        Agent agent1 = restOnly("agent1");
        String huge = "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"],"
                + "\"ext\":{\"padding\":\"" + "x".repeat(100_000) + "\"}}]";

        Response response = agent1.send(HttpRequest.newBuilder(URI.create(server.api("/notifications/handshake")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(huge)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.statusCode()).isEqualTo(10);
        assertThat(response.statusMessage()).contains("the limit is 65536");
        assertThat(agent1.get("/me").status()).as("the server goes on").isEqualTo(200);
    }

    private String rawRequest(String request) throws Exception {
        URI base = URI.create(server.local());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
