package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.AgentStateTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * UCS SetCallNote and SetCallCompleted on {@code POST /api/v2/ucs/interactions/{id}}: a referenceId at
 * once, a UcsOperationResponse on {@code /v2/me/ucs} once stored, and the result in the history; only for
 * an agent who was on the call; every bad request refused with nothing changed.
 */
class UcsInteractionTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void notesAndCompletion_duringAndAfterTheCall_areConfirmed_andInTheHistory(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport, Agent.Login.SESSION_COOKIE, "/v2/me/calls", "/v2/me/ucs");
        String id = agent1.callWithCustomer();

        long first = setNote(agent1, id, "Customer asks about the invoice");
        expectUcsResponse(agent1, first, true);

        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        JsonNode whenReleased = History.call(agent1, id);
        assertThat(whenReleased.path("note").asText()).as("a note set during the call").isEqualTo("Customer asks about the invoice");
        assertThat(whenReleased.path("completed").asBoolean()).isFalse();
        assertThat(whenReleased.has("completedAt")).isFalse();

        long second = setNote(agent1, id, "Invoice resent; é ✓ 😀");
        assertThat(second).isGreaterThan(first);
        expectUcsResponse(agent1, second, true);
        Response completed = agent1.post("/ucs/interactions/" + id,
                "{\"operationName\":\"SetCallCompleted\",\"callDuration\":42,\"userData\":{\"Outcome\":\"Resolved\",\"Score\":5}}");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(SeedDialTest.fieldNames(completed.body())).containsExactly("statusCode", "referenceId");
        long third = completed.body().path("referenceId").asLong();
        expectUcsResponse(agent1, third, true);

        JsonNode call = History.call(agent1, id);
        assertThat(call.path("note").asText()).isEqualTo("Invoice resent; é ✓ 😀");
        assertThat(call.path("completed").asBoolean()).isTrue();
        assertThat(call.path("completedAt").asText()).isNotEmpty();
        assertThat(java.time.Instant.parse(call.path("completedAt").asText())).isAfterOrEqualTo(java.time.Instant.parse(call.path("endedAt").asText()));
        assertThat(call.path("callDuration").asLong()).isEqualTo(42);
        assertThat(call.path("completionUserData").path("Outcome").asText()).isEqualTo("Resolved");
        assertThat(call.path("completionUserData").path("Score").asLong()).isEqualTo(5);
        assertThat(agent1.pending()).isZero();
    }

    @Test
    void setCallCompleted_withoutParameters_completesTheCall_andTheNoteCanBeCleared() throws Exception {
        Agent agent1 = login("agent1", Transport.WEBSOCKET, Agent.Login.SESSION_COOKIE, "/v2/me/*");
        String id = agent1.callWithCustomer();
        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");

        expectUcsResponse(agent1, setNote(agent1, id, "to be cleared"), true);
        expectUcsResponse(agent1, setNote(agent1, id, ""), true);
        Response completed = agent1.post("/ucs/interactions/" + id, "{\"operationName\":\"SetCallCompleted\"}");
        assertThat(completed.statusCode()).isZero();
        JsonNode response = expectUcsResponse(agent1, completed.body().path("referenceId").asLong(), true);
        assertThat(response.path("$channel").asText()).as("/v2/me/* receives it").isEqualTo("/v2/me/ucs");

        JsonNode call = History.call(agent1, id);
        assertThat(call.has("note")).isFalse();
        assertThat(call.path("completed").asBoolean()).isTrue();
        assertThat(call.has("callDuration")).isFalse();
        assertThat(call.has("completionUserData")).isFalse();
    }

    @Test
    void aCallUuid_isAcceptedAsTheInteractionId_andTheOtherPartyMayUseItToo() throws Exception {
        Agent agent1 = login("agent1", Transport.LONG_POLLING, Agent.Login.SESSION_COOKIE, "/v2/me/calls", "/v2/me/ucs");
        Agent agent2 = login("agent2", Transport.LONG_POLLING, Agent.Login.SESSION_COOKIE, "/v2/me/calls", "/v2/me/ucs");
        String id = CallControl.connected(agent1, agent2);
        String callUuid = agent2.get("/me/calls/" + id).body().path("call").path("callUuid").asText();
        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        agent2.expectCall(id, "StatusChange", "Released");

        expectUcsResponse(agent2, setNote(agent2, callUuid, "agent2's note"), true);

        assertThat(History.call(agent1, id).path("note").asText()).isEqualTo("agent2's note");
        assertThat(agent1.pending()).as("the response goes to the user who asked").isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anotherAgent_getsNotFound_duringAndAfterTheCall_andChangesNothing(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport, Agent.Login.SESSION_COOKIE, "/v2/me/calls", "/v2/me/ucs");
        Agent agent2 = login("agent2", transport, Agent.Login.SESSION_COOKIE, "/v2/me/calls", "/v2/me/ucs");
        String id = agent1.callWithCustomer();

        assertRefused(agent2.post("/ucs/interactions/" + id, "{\"operationName\":\"SetCallNote\",\"note\":\"mine\"}"), 404, 6, id);
        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        assertRefused(agent2.post("/ucs/interactions/" + id, "{\"operationName\":\"SetCallNote\",\"note\":\"mine\"}"), 404, 6, id);
        assertRefused(agent2.post("/ucs/interactions/" + id, "{\"operationName\":\"SetCallCompleted\"}"), 404, 6, id);
        assertRefused(agent1.post("/ucs/interactions/NOSUCHCALL", "{\"operationName\":\"SetCallNote\",\"note\":\"x\"}"), 404, 6, "NOSUCHCALL");

        JsonNode call = History.call(agent1, id);
        assertThat(call.has("note")).isFalse();
        assertThat(call.path("completed").asBoolean()).isFalse();
        assertThat(agent2.pending()).isZero();
        assertThat(agent1.pending()).isZero();
    }

    @Test
    void badRequests_getAClearError_andChangeNothing() throws Exception {
        Agent agent1 = login("agent1", Transport.WEBSOCKET, Agent.Login.SESSION_COOKIE, "/v2/me/calls", "/v2/me/ucs");
        String id = agent1.callWithCustomer();
        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        String path = "/ucs/interactions/" + id;

        assertRefused(agent1.post(path, "{\"note\":\"x\"}"), 400, 1, "operationName");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallDone\"}"), 400, 10, "SetCallCompleted, SetCallNote");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallNote\"}"), 400, 1, "note");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallNote\",\"note\":null}"), 400, 1, "note");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallNote\",\"note\":42}"), 400, 10, "note");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallNote\",\"note\":[\"a\"]}"), 400, 10, "note");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallNote\",\"note\":\"" + "x".repeat(16_385) + "\"}"), 400, 10, "16384");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallCompleted\",\"callDuration\":-1}"), 400, 10, "callDuration");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallCompleted\",\"callDuration\":\"42\"}"), 400, 10, "callDuration");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallCompleted\",\"callDuration\":4.5}"), 400, 10, "callDuration");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallCompleted\",\"userData\":\"Outcome=Sale\"}"), 400, 10, "userData");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallCompleted\",\"userData\":{\"Outcome\":\"" + "x".repeat(40_000) + "\"}}"),
                400, 10, "at most 32768");
        assertRefused(agent1.post(path, "{\"operationName\":\"SetCallNote\",\"note\":\"x\""), 400, 10, "Malformed JSON");
        assertRefused(agent1.post(path, "[\"SetCallNote\"]"), 400, 10, "JSON object");
        assertRefused(agent1.send(HttpRequest.newBuilder(URI.create(server.api(path))).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("note"))), 415, 10, "application/json");
        assertRefused(agent1.send(HttpRequest.newBuilder(URI.create(server.api(path))).GET()), 405, 3, "POST");

        JsonNode call = History.call(agent1, id);
        assertThat(call.has("note")).isFalse();
        assertThat(call.path("completed").asBoolean()).isFalse();
        assertThat(agent1.pending()).as("no UcsOperationResponse for a refused request").isZero();
        // and the limit itself is accepted
        expectUcsResponse(agent1, setNote(agent1, id, "x".repeat(16_384)), true);
    }

    /** SetCallNote, which must be accepted; returns its referenceId. */
    private static long setNote(Agent agent, String interactionId, String note) {
        Response response = agent.post("/ucs/interactions/" + interactionId,
                "{\"operationName\":\"SetCallNote\",\"note\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(note) + "}");
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(SeedDialTest.fieldNames(response.body())).containsExactly("statusCode", "referenceId");
        assertThat(response.statusCode()).isZero();
        assertThat(response.body().path("referenceId").isIntegralNumber()).isTrue();
        return response.body().path("referenceId").asLong();
    }

    private static JsonNode expectUcsResponse(Agent agent, long referenceId, boolean success) {
        JsonNode message = agent.next();
        assertThat(message.path("$channel").asText()).as("%s", message).isEqualTo("/v2/me/ucs");
        assertThat(SeedDialTest.fieldNames(message)).containsExactly("referenceId", "messageType", "success", "$channel");
        assertThat(message.path("messageType").asText()).isEqualTo("UcsOperationResponse");
        assertThat(message.path("referenceId").asLong()).isEqualTo(referenceId);
        assertThat(message.path("success").asBoolean()).isEqualTo(success);
        return message;
    }
}
