package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attached data and DTMF on an established internal call: each user-data operation notifies both agents
 * with AttachedDataChanged and the whole new userData; SendDtmf notifies only the sender.
 */
class UserDataAndDtmfTest extends EndToEndTest {

    private Agent agent1;
    private Agent agent2;
    private String id;

    private void connectedCall(Transport transport) throws Exception {
        agent1 = login("agent1", transport);
        agent2 = login("agent2", transport);
        id = CallControl.connected(agent1, agent2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void attachUpdateDeletePairAndDeleteAll_eachNotifyBothSidesWithTheWholeUserData(Transport transport) throws Exception {
        connectedCall(transport);

        agent1.perform(id, "{\"operationName\":\"AttachUserData\",\"userData\":{\"Product\":\"Guitars\",\"Score\":7}}");
        expectUserDataOnBothSides("{\"Product\":\"Guitars\",\"Score\":7}");

        agent2.perform(id, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"Product\":\"Drums\",\"Reason\":\"Upsell\"}}");
        expectUserDataOnBothSides("{\"Product\":\"Drums\",\"Score\":7,\"Reason\":\"Upsell\"}");

        agent1.perform(id, "{\"operationName\":\"DeleteUserDataPair\",\"key\":\"Score\"}");
        expectUserDataOnBothSides("{\"Product\":\"Drums\",\"Reason\":\"Upsell\"}");

        agent2.perform(id, "{\"operationName\":\"DeleteUserData\"}");
        for (Agent agent : new Agent[] {agent1, agent2}) {
            JsonNode call = agent.expectCall("AttachedDataChanged", "Established");
            assertThat(call.has("userData")).as("userData is left out when empty").isFalse();
        }
        assertThat(agent1.get("/me/calls/" + id).body().path("call").has("userData")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void userData_canBeChangedWhileTheCallIsStillDialingOrRinging(Transport transport) throws Exception {
        agent1 = login("agent1", transport);
        agent2 = login("agent2", transport);
        id = agent1.dial("15002").path("id").asText();
        agent2.expectCall("StatusChange", "Ringing");

        agent2.perform(id, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"Queue\":\"Sales\"}}");

        assertThat(agent1.expectCall("AttachedDataChanged", "Dialing").path("userData").path("Queue").asText()).isEqualTo("Sales");
        assertThat(agent2.expectCall("AttachedDataChanged", "Ringing").path("userData").path("Queue").asText()).isEqualTo("Sales");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void sendDtmf_notifiesTheSenderWithDtmfSent_andNotTheOtherSide(Transport transport) throws Exception {
        connectedCall(transport);

        agent1.perform(id, "{\"operationName\":\"SendDtmf\",\"digits\":\"1234#\"}");

        JsonNode sent = agent1.expectCall("DtmfSent", "Established");
        assertThat(sent.path("id").asText()).isEqualTo(id);
        agent2.perform(id, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"marker\":\"1\"}}");
        agent2.expectCall("AttachedDataChanged", "Established");
        assertThat(agent2.pending()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void sendDtmf_isOfferedWhileDialing(Transport transport) throws Exception {
        agent1 = login("agent1", transport);
        id = agent1.dial("5550187").path("id").asText();

        agent1.perform(id, "{\"operationName\":\"SendDtmf\",\"digits\":\"9\"}");

        agent1.expectCall("DtmfSent", "Dialing");
    }

    private void expectUserDataOnBothSides(String expected) throws Exception {
        for (Agent agent : new Agent[] {agent1, agent2}) {
            JsonNode call = agent.expectCall("AttachedDataChanged", "Established");
            assertThat(call.path("id").asText()).isEqualTo(id);
            assertThat(call.path("userData")).isEqualTo(Json.MAPPER.readTree(expected));
        }
        assertThat(agent2.get("/me/calls/" + id).body().path("call").path("userData")).isEqualTo(Json.MAPPER.readTree(expected));
    }
}
