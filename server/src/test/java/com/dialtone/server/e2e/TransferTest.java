package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.CallControl.capabilities;
import static com.dialtone.server.e2e.CallControl.participants;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Blind (single-step) and consult (two-step) transfers, completed, abandoned and failed. */
class TransferTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void blindTransferToAnAgent_handsTheCustomerOverWithTheCallsData(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.callWithCustomer();
        agent1.perform(id, "UpdateUserData", "'userData':{'Case':'42'}");
        agent1.expectCall(id, "AttachedDataChanged", "Established");

        agent1.perform(id, "SingleStepTransfer", "'destination':{'phoneNumber':'15002'},'userData':{'TransferReason':'Escalation'}");

        JsonNode released = agent1.expectCall(id, "StatusChange", "Released");
        assertThat(capabilities(released)).isEmpty();
        JsonNode ringing = agent2.expectCall(id, "StatusChange", "Ringing");
        assertThat(participants(ringing)).containsExactly("5550100");
        assertThat(ringing.path("callType").asText()).isEqualTo("Outbound");
        assertThat(ringing.path("userData").path("Case").asText()).isEqualTo("42");
        assertThat(ringing.path("userData").path("TransferReason").asText()).isEqualTo("Escalation");

        agent2.perform(id, "Answer", "");
        assertThat(participants(agent2.expectCall(id, "StatusChange", "Established"))).containsExactly("5550100");
        InternalCallTest.assertNoCalls(agent1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void blindTransferToAnExternalNumber_releasesTheAgent(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        String id = agent1.callWithCustomer();

        agent1.perform(id, "SingleStepTransfer", "'destination':{'phoneNumber':'5551212'}");

        agent1.expectCall(id, "StatusChange", "Released");
        InternalCallTest.assertNoCalls(agent1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void blindTransferBetweenAgents_theRemainingAgentSeesItsParticipantsChange(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        Agent agent3 = login("agent3", transport);
        String id = CallControl.connected(agent1, agent2);

        agent2.perform(id, "SingleStepTransfer", "'destination':{'phoneNumber':'15003'}");

        agent2.expectCall(id, "StatusChange", "Released");
        assertThat(participants(agent1.expectCall(id, "ParticipantsUpdated", "Established"))).containsExactly("15003");
        assertThat(participants(agent3.expectCall(id, "StatusChange", "Ringing"))).containsExactly("15001");
        agent3.perform(id, "Answer", "");
        agent3.expectCall(id, "StatusChange", "Established");
        agent1.expectNothingBefore(id);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void consultTransfer_completed_theTargetGetsTheCustomerAndAllTheData(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.callWithCustomer();
        agent1.perform(id, "UpdateUserData", "'userData':{'Case':'42'}");
        agent1.expectCall(id, "AttachedDataChanged", "Established");

        agent1.perform(id, "InitiateTransfer", "'destination':{'phoneNumber':'15002'},'userData':{'Note':'VIP'}");

        JsonNode held = agent1.expectCall(id, "StatusChange", "Held");
        assertThat(capabilities(held)).contains("CompleteTransfer").doesNotContain("Retrieve", "InitiateTransfer");
        JsonNode consult = agent1.expectCall("StatusChange", "Dialing");
        String consultId = consult.path("id").asText();
        assertThat(consultId).isNotEqualTo(id);
        assertThat(consult.path("callType").asText()).isEqualTo("Consult");
        assertThat(consult.path("parentCallUri").asText()).isEqualTo(server.base() + "/api/v2/me/calls/" + id);
        assertThat(consult.path("parentCallPath").asText()).isEqualTo("/calls/" + id);
        assertThat(consult.path("userData").path("Case").asText()).isEqualTo("42");
        assertThat(consult.path("userData").path("Note").asText()).isEqualTo("VIP");
        assertThat(capabilities(consult)).contains("CompleteTransfer", "CompleteConference");
        JsonNode ringing = agent2.expectCall(consultId, "StatusChange", "Ringing");
        assertThat(ringing.path("callType").asText()).isEqualTo("Consult");
        assertThat(participants(ringing)).containsExactly("15001");

        agent2.perform(consultId, "Answer", "");
        agent2.expectCall(consultId, "StatusChange", "Established");
        assertThat(capabilities(agent1.expectCall(consultId, "StatusChange", "Established"))).contains("SwapCalls", "CompleteTransfer");
        // the held call's capabilities changed with the consult's answer: it can be swapped to now
        assertThat(capabilities(agent1.expectCall(id, "StatusChange", "Held"))).contains("SwapCalls", "CompleteTransfer");

        agent1.perform(consultId, "CompleteTransfer", "");

        agent1.expectCall(consultId, "StatusChange", "Released");
        agent1.expectCall(id, "StatusChange", "Released");
        agent2.expectCall(consultId, "StatusChange", "Released");
        JsonNode handedOver = agent2.expectCall(id, "StatusChange", "Established");
        assertThat(participants(handedOver)).containsExactly("5550100");
        assertThat(handedOver.path("callType").asText()).isEqualTo("Outbound");
        assertThat(handedOver.has("parentCallUri")).isFalse();
        assertThat(handedOver.path("userData").path("Case").asText()).isEqualTo("42");
        assertThat(handedOver.path("userData").path("Note").asText()).isEqualTo("VIP");
        InternalCallTest.assertNoCalls(agent1);
        assertThat(agent2.get("/me/calls").body().path("uris")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void consultTransfer_completedFromTheHeldCall_namingTheConsultCall(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.callWithCustomer();
        String consultId = CallControl.startConsult(agent1, id, "InitiateTransfer", "15002");
        agent2.expectCall(consultId, "StatusChange", "Ringing");

        // while the target still rings: an unannounced transfer
        agent1.perform(id, "CompleteTransfer", "'consultCallUri':'" + server.base() + "/api/v2/me/calls/" + consultId + "'");

        agent1.expectCall(consultId, "StatusChange", "Released");
        agent1.expectCall(id, "StatusChange", "Released");
        agent2.expectCall(consultId, "StatusChange", "Released");
        assertThat(participants(agent2.expectCall(id, "StatusChange", "Ringing"))).containsExactly("5550100");
        agent2.perform(id, "Answer", "");
        agent2.expectCall(id, "StatusChange", "Established");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void consultAbandoned_hangUpTheConsultThenRetrieveTheHeldCall(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.callWithCustomer();
        String consultId = CallControl.consultAnswered(agent1, id, "InitiateTransfer", agent2);

        agent1.perform(consultId, "Hangup", "");

        agent1.expectCall(consultId, "StatusChange", "Released");
        assertThat(capabilities(agent1.expectCall(id, "StatusChange", "Held"))).contains("Retrieve").doesNotContain("CompleteTransfer");
        agent2.expectCall(consultId, "StatusChange", "Released");

        agent1.perform(id, "Retrieve", "");
        assertThat(participants(agent1.expectCall(id, "StatusChange", "Established"))).containsExactly("5550100");
        InternalCallTest.assertNoCalls(agent2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void consultToABusyNumber_endsTheConsult_andTheHeldCallCanBeRetrieved(Transport transport) throws Exception {
        assertFailedConsult(transport, "5550186", 101);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void consultToAnUnansweredNumber_endsTheConsult_andTheHeldCallCanBeRetrieved(Transport transport) throws Exception {
        assertFailedConsult(transport, "5550187", 102);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void consultTransferToAnExternalNumber_releasesTheAgentFromBothCalls(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        String id = agent1.callWithCustomer();
        String consultId = CallControl.startConsult(agent1, id, "InitiateTransfer", "5550188");
        agent1.expectCall(consultId, "StatusChange", "Established");
        agent1.expectCall(id, "StatusChange", "Held");

        agent1.perform(consultId, "CompleteTransfer", "");

        agent1.expectCall(consultId, "StatusChange", "Released");
        agent1.expectCall(id, "StatusChange", "Released");
        InternalCallTest.assertNoCalls(agent1);
    }

    private void assertFailedConsult(Transport transport, String number, int errorCode) throws Exception {
        Agent agent1 = login("agent1", transport);
        String id = agent1.callWithCustomer();

        String consultId = CallControl.startConsult(agent1, id, "InitiateTransfer", number);

        JsonNode error = agent1.expectError(errorCode);
        assertThat(error.path("callId").asText()).isEqualTo(consultId);
        agent1.expectCall(consultId, "StatusChange", "Released");
        assertThat(capabilities(agent1.expectCall(id, "StatusChange", "Held"))).contains("Retrieve");

        agent1.perform(id, "Retrieve", "");
        agent1.expectCall(id, "StatusChange", "Established");
        assertThat(agent1.get("/me/calls").body().path("uris")).hasSize(1);
    }
}
