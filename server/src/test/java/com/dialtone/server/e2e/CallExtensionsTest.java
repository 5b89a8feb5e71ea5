package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The message-level {@code extensions} of call notifications, as a real GWS 8.5.202 sends them
 * (shared/spec/wwe-8.5-session.md, b.2), filled from Dialtone's own rules: the routing point's no-answer rule
 * and the agent's after-call work on a routed call, the calling number on every ringing call, none on
 * {@code AttachedDataChanged}.
 */
class CallExtensionsTest extends EndToEndTest {

    @Test
    void aRoutedCall_carriesTheNoAnswerRule_whileRinging_andTheWrapUpTime_onceEstablished() throws Exception {
        Agent agent11 = desktop("agent11", Transport.WEBSOCKET); // Support (8001), 10 s of after-call work
        agent11.startSessionAndBeReady();
        String id = Agent.customerCalls(server, "8001", "");

        JsonNode ringing = message(agent11, id, "StatusChange", "Ringing");
        assertThat(ringing.path("extensions")).isEqualTo(Json.MAPPER.readTree("{\"NO_ANSWER_ACTION\":\"notready\",\"BusinessCall\":1,"
                + "\"OriginationDN\":\"5551234\",\"OriginationDN_location\":\"Dialtone\",\"NO_ANSWER_TIMEOUT\":15,\"NO_ANSWER_OVERFLOW\":\"recall\"}"));
        assertThat(SeedDialTest.fieldNames(ringing.path("extensions"))).containsExactly("NO_ANSWER_ACTION", "BusinessCall", "OriginationDN",
                "OriginationDN_location", "NO_ANSWER_TIMEOUT", "NO_ANSWER_OVERFLOW");

        agent11.perform(id, "UpdateUserData", "'userData':{'WWE_PARTY_15011':{'username':'agent11','path':'/users/x'}}");
        JsonNode attached = message(agent11, id, "AttachedDataChanged", "Ringing");
        assertThat(attached.has("extensions")).as("GWS sends AttachedDataChanged without extensions").isFalse();
        assertThat(SeedDialTest.fieldNames(attached)).containsExactly("notificationType", "call", "phoneNumber", "messageType", "metrics",
                "channel", "$channel");

        agent11.perform(id, "Answer", "");
        JsonNode established = message(agent11, id, "StatusChange", "Established");
        assertThat(established.path("extensions")).isEqualTo(Json.MAPPER.readTree("{\"BusinessCall\":1,\"WrapUpTime\":10}"));
        assertThat(established.path("call").path("case")).isEqualTo(Json.MAPPER.createArrayNode());
    }

    @Test
    void aColleaguesCall_isADirectCall_withItsCaller_andNoNoAnswerRule() throws Exception {
        Agent agent1 = login("agent1", Transport.LONG_POLLING);
        Agent agent2 = login("agent2", Transport.LONG_POLLING);
        String id = agent1.dial("15002").path("id").asText();

        JsonNode ringing = message(agent2, id, "StatusChange", "Ringing");
        assertThat(ringing.path("extensions")).isEqualTo(Json.MAPPER.readTree(
                "{\"BusinessCall\":0,\"OriginationDN\":\"15001\",\"OriginationDN_location\":\"Dialtone\"}"));
        assertThat(ringing.path("call").has("ani")).isFalse();

        agent2.perform(id, "Answer", "");
        JsonNode established = message(agent2, id, "StatusChange", "Established");
        assertThat(established.path("extensions")).as("no after-call work follows a direct call")
                .isEqualTo(Json.MAPPER.readTree("{\"BusinessCall\":0}"));
    }

    /** The agent's next notification: a call message of this type and state about this call. */
    private static JsonNode message(Agent agent, String callId, String notificationType, String state) {
        JsonNode message = agent.next();
        assertThat(message.path("notificationType").asText()).as("%s", message).isEqualTo(notificationType);
        assertThat(message.path("call").path("state").asText()).as("%s", message).isEqualTo(state);
        assertThat(message.path("call").path("id").asText()).isEqualTo(callId);
        return message;
    }
}
