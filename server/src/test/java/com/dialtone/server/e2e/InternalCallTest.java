package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Agent to agent: the callee's device rings on its own /v2/me/calls until answered or hung up. */
class InternalCallTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void answeredByCallee_hungUpByCaller(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.dial("15002").path("id").asText();

        JsonNode ringing = agent2.expectCall("StatusChange", "Ringing");
        assertThat(ringing.path("id").asText()).isEqualTo(id);
        assertThat(ringing.path("callType").asText()).isEqualTo("Internal");
        assertThat(ringing.has("ani")).as("a real GWS shows no ani on a colleague's call").isFalse();
        assertThat(ringing.path("dnis").asText()).isEqualTo("15002");
        assertThat(ringing.path("participants").path(0).path("phoneNumber").asText()).isEqualTo("15001");
        assertThat(ringing.path("deviceUri").asText()).endsWith("/api/v2/devices/" + agent2.deviceId);
        assertThat(ringing.path("capabilities")).extracting(JsonNode::asText)
                .containsExactly("Answer", "DeleteUserData", "AttachUserData", "DeleteUserDataPair", "UpdateUserData", "ClearCall");
        assertThat(ringing.has("case")).isFalse();

        agent2.perform(id, "{\"operationName\":\"Answer\"}");
        JsonNode calleeEstablished = agent2.expectCall("StatusChange", "Established");
        JsonNode callerEstablished = agent1.expectCall("StatusChange", "Established");
        // the GWS Answer sample's list, in its order, then mute and recording
        assertThat(callerEstablished.path("capabilities")).extracting(JsonNode::asText).containsExactly(
                "SingleStepTransfer", "InitiateConference", "Hold", "SingleStepConference", "InitiateTransfer", "SendDtmf",
                "DeleteUserData", "AttachUserData", "DeleteUserDataPair", "Hangup", "UpdateUserData", "ClearCall", "MuteCall",
                "StartCallRecording");
        assertThat(calleeEstablished.path("case")).as("GWS's case data, empty without UCS").isEqualTo(Json.MAPPER.createArrayNode());
        assertThat(calleeEstablished.path("capabilities")).isEqualTo(callerEstablished.path("capabilities"));

        agent1.perform(id, "{\"operationName\":\"Hangup\"}");
        JsonNode released = agent1.expectCall("StatusChange", "Released");
        assertThat(released.path("capabilities")).isEmpty();
        assertThat(released.path("participants").path(0).path("phoneNumber").asText()).isEqualTo("15002");
        assertThat(agent2.expectCall("StatusChange", "Released").path("capabilities")).isEmpty();
        assertNoCalls(agent1, agent2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void answeredByCallee_hungUpByCallee(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = CallControl.connected(agent1, agent2);

        agent2.perform(id, "{\"operationName\":\"Hangup\"}");

        agent2.expectCall("StatusChange", "Released");
        agent1.expectCall("StatusChange", "Released");
        assertNoCalls(agent1, agent2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void calleeDeclinesWhileRinging_releasesTheCallerToo(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.dial("15002").path("id").asText();
        agent2.expectCall("StatusChange", "Ringing");

        // A colleague's ringing call offers ClearCall, not Hangup, as a real GWS does.
        agent2.perform(id, "{\"operationName\":\"ClearCall\"}");

        agent2.expectCall("StatusChange", "Released");
        agent1.expectCall("StatusChange", "Released");
        assertNoCalls(agent1, agent2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void callerGivesUpWhileRinging_releasesTheCallee(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.dial("15002").path("id").asText();
        agent2.expectCall("StatusChange", "Ringing");

        agent1.perform(id, "{\"operationName\":\"Hangup\"}");

        agent1.expectCall("StatusChange", "Released");
        agent2.expectCall("StatusChange", "Released");
        assertNoCalls(agent1, agent2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRingingCall_isListedForTheCallee_andRecoverableWithSubresources(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.dial("15002").path("id").asText();
        JsonNode ringing = agent2.expectCall("StatusChange", "Ringing");

        assertThat(agent2.get("/me/calls").body().path("uris")).extracting(JsonNode::asText)
                .containsExactly(server.base() + "/api/v2/me/calls/" + id);
        assertThat(agent2.get("/me/calls?fields=*").body().path("calls").path(0)).isEqualTo(ringing);
        JsonNode me = agent2.get("/me?subresources=*").body().path("user");
        assertThat(me.path("calls").path(0)).isEqualTo(ringing);
        assertThat(me.path("devices").path(0).path("phoneNumber").asText()).isEqualTo("15002");
    }

    static void assertNoCalls(Agent... agents) {
        for (Agent agent : agents) {
            assertThat(agent.get("/me/calls").body().path("uris")).as("calls of %s", agent.userName).isEmpty();
        }
    }
}
