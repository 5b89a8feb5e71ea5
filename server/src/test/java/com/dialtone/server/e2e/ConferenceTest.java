package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.CallControl.capabilities;
import static com.dialtone.server.e2e.CallControl.participants;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Conferences of three and four parties, made in two steps or one, and how they shrink. */
class ConferenceTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void twoStepConference_ofThreeThenFourParties(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        Agent agent3 = login("agent3", transport);
        String id = agent1.callWithCustomer();

        twoStepConference(agent1, id, agent2);
        assertThat(participants(agent1.get("/me/calls/" + id).body().path("call"))).containsExactlyInAnyOrder("5550100", "15002");

        String consultId = CallControl.consultAnswered(agent1, id, "InitiateConference", agent3);
        assertThat(agent2.get("/me/calls/" + id).body().path("call").path("state").asText())
                .as("the others stay connected while agent1 consults").isEqualTo("Established");

        agent1.perform(consultId, "CompleteConference", "");

        agent1.expectCall(consultId, "StatusChange", "Released");
        JsonNode four = agent1.expectCall(id, "StatusChange", "Established");
        assertThat(participants(four)).containsExactlyInAnyOrder("5550100", "15002", "15003");
        assertThat(capabilities(four)).contains("RemoveParticipantFromConference");
        agent3.expectCall(consultId, "StatusChange", "Released");
        assertThat(participants(agent3.expectCall(id, "StatusChange", "Established"))).containsExactlyInAnyOrder("5550100", "15001", "15002");
        assertThat(participants(agent2.expectCall(id, "ParticipantsUpdated", "Established"))).containsExactlyInAnyOrder("5550100", "15001", "15003");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void singleStepConference_ofThreeThenFourParties(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        Agent agent3 = login("agent3", transport);
        String id = agent1.callWithCustomer();

        agent1.perform(id, "SingleStepConference", "'destination':{'phoneNumber':'15002'},'userData':{'Topic':'billing'}");

        JsonNode updated = agent1.expectCall(id, "ParticipantsUpdated", "Established");
        assertThat(participants(updated)).containsExactlyInAnyOrder("5550100", "15002");
        assertThat(updated.path("userData").path("Topic").asText()).isEqualTo("billing");
        JsonNode ringing = agent2.expectCall(id, "StatusChange", "Ringing");
        assertThat(participants(ringing)).containsExactlyInAnyOrder("5550100", "15001");
        agent2.perform(id, "Answer", "");
        agent2.expectCall(id, "StatusChange", "Established");

        agent2.perform(id, "SingleStepConference", "'destination':{'phoneNumber':'15003'}");

        agent2.expectCall(id, "ParticipantsUpdated", "Established");
        assertThat(participants(agent1.expectCall(id, "ParticipantsUpdated", "Established"))).containsExactlyInAnyOrder("5550100", "15002", "15003");
        agent3.expectCall(id, "StatusChange", "Ringing");
        agent3.perform(id, "Answer", "");
        assertThat(participants(agent3.expectCall(id, "StatusChange", "Established"))).containsExactlyInAnyOrder("5550100", "15001", "15002");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void removingAParticipant_updatesEveryonesView(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        Agent agent3 = login("agent3", transport);
        String id = fourParties(agent1, agent2, agent3);

        agent1.perform(id, "RemoveParticipantFromConference", "'participant':'15003'");

        agent3.expectCall(id, "StatusChange", "Released");
        assertThat(participants(agent1.expectCall(id, "ParticipantsUpdated", "Established"))).containsExactlyInAnyOrder("5550100", "15002");
        assertThat(participants(agent2.expectCall(id, "ParticipantsUpdated", "Established"))).containsExactlyInAnyOrder("5550100", "15001");
        InternalCallTest.assertNoCalls(agent3);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void partiesHangingUp_shrinkTheConference_andTheLastButOneEndsIt(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        Agent agent3 = login("agent3", transport);
        String id = CallControl.connected(agent1, agent2);
        agent1.perform(id, "SingleStepConference", "'destination':{'phoneNumber':'15003'}");
        agent1.expectCall(id, "ParticipantsUpdated", "Established");
        agent2.expectCall(id, "ParticipantsUpdated", "Established");
        agent3.expectCall(id, "StatusChange", "Ringing");
        agent3.perform(id, "Answer", "");
        agent3.expectCall(id, "StatusChange", "Established");

        agent3.perform(id, "Hangup", "");

        agent3.expectCall(id, "StatusChange", "Released");
        assertThat(participants(agent1.expectCall(id, "ParticipantsUpdated", "Established"))).containsExactlyInAnyOrder("15002");
        assertThat(participants(agent2.expectCall(id, "ParticipantsUpdated", "Established"))).containsExactlyInAnyOrder("15001");

        agent2.perform(id, "Hangup", "");

        agent2.expectCall(id, "StatusChange", "Released");
        agent1.expectCall(id, "StatusChange", "Released");
        InternalCallTest.assertNoCalls(agent1, agent2, agent3);
    }

    /** agent1 brings agent2 into agent1's call by InitiateConference and CompleteConference. */
    private static void twoStepConference(Agent agent1, String id, Agent agent2) {
        String consultId = CallControl.consultAnswered(agent1, id, "InitiateConference", agent2);

        agent1.perform(consultId, "CompleteConference", "");

        agent1.expectCall(consultId, "StatusChange", "Released");
        JsonNode conference = agent1.expectCall(id, "StatusChange", "Established");
        assertThat(participants(conference)).containsExactlyInAnyOrder("5550100", agent2.dn);
        assertThat(capabilities(conference)).contains("RemoveParticipantFromConference");
        agent2.expectCall(consultId, "StatusChange", "Released");
        assertThat(participants(agent2.expectCall(id, "StatusChange", "Established"))).containsExactlyInAnyOrder("5550100", "15001");
    }

    private static String fourParties(Agent agent1, Agent agent2, Agent agent3) {
        String id = agent1.callWithCustomer();
        twoStepConference(agent1, id, agent2);
        agent1.perform(id, "SingleStepConference", "'destination':{'phoneNumber':'15003'}");
        agent1.expectCall(id, "ParticipantsUpdated", "Established");
        agent2.expectCall(id, "ParticipantsUpdated", "Established");
        agent3.expectCall(id, "StatusChange", "Ringing");
        agent3.perform(id, "Answer", "");
        agent3.expectCall(id, "StatusChange", "Established");
        return id;
    }
}
