package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.CallControl.capabilities;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HoldMuteAndRejectTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void hold_thenRetrieve(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = CallControl.connected(agent1, agent2);

        agent1.perform(id, "Hold", "");
        JsonNode held = agent1.expectCall(id, "StatusChange", "Held");
        // the GWS Hold sample's list, in its order
        assertThat(capabilities(held)).containsExactly("SingleStepTransfer", "InitiateConference", "Retrieve",
                "SingleStepConference", "InitiateTransfer", "DeleteUserData", "AttachUserData", "DeleteUserDataPair", "Hangup", "UpdateUserData");
        assertThat(agent1.get("/me/calls/" + id).body().path("call")).isEqualTo(held);

        agent1.perform(id, "Retrieve", "");
        assertThat(capabilities(agent1.expectCall(id, "StatusChange", "Established"))).contains("Hold").doesNotContain("Retrieve");

        agent2.expectNothingBefore(id); // the other side's call did not change
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void mute_thenUnmute(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = CallControl.connected(agent1, agent2);

        agent1.perform(id, "MuteCall", "");
        JsonNode muted = agent1.expectCall(id, "StatusChange", "Established");
        assertThat(muted.path("mute").asText()).isEqualTo("On");
        assertThat(capabilities(muted)).contains("UnmuteCall").doesNotContain("MuteCall");

        agent1.perform(id, "UnmuteCall", "");
        JsonNode unmuted = agent1.expectCall(id, "StatusChange", "Established");
        assertThat(unmuted.path("mute").asText()).isEqualTo("Off");
        assertThat(capabilities(unmuted)).contains("MuteCall").doesNotContain("UnmuteCall");

        assertThat(agent2.get("/me/calls/" + id).body().path("call").path("mute").asText()).isEqualTo("Off");
        agent2.expectNothingBefore(id);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCallFromOutside_canBeRejected_aColleaguesCall_onlyClearedForBoth(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String customer = Agent.customerCalls(server, "15002", "");
        assertThat(capabilities(agent2.expectCall(customer, "StatusChange", "Ringing"))).contains("Answer", "Reject", "ClearCall");
        agent2.perform(customer, "Reject", "");
        agent2.expectCall(customer, "StatusChange", "Released");

        // As a real GWS offers it (shared/spec/wwe-8.5-session.md, b.2): no Reject, no Hangup, but ClearCall.
        String id = agent1.dial("15002").path("id").asText();
        assertThat(capabilities(agent2.expectCall(id, "StatusChange", "Ringing"))).contains("Answer", "ClearCall")
                .doesNotContain("Reject", "Hangup");
        Response refused = agent2.post("/me/calls/" + id, "{\"operationName\":\"Reject\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.statusCode()).isEqualTo(2);

        agent2.perform(id, "ClearCall", "");

        agent2.expectCall(id, "StatusChange", "Released");
        agent1.expectCall(id, "StatusChange", "Released"); // at once, and no ErrorMessage: the call was cleared, not refused
        InternalCallTest.assertNoCalls(agent1, agent2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void clearCall_onAnEstablishedConference_releasesEveryParty(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.callWithCustomer();
        agent1.perform(id, "SingleStepConference", "'destination':{'phoneNumber':'15002'}");
        agent1.expectCall(id, "ParticipantsUpdated", "Established");
        agent2.expectCall(id, "StatusChange", "Ringing");
        agent2.perform(id, "Answer", "");
        assertThat(capabilities(agent2.expectCall(id, "StatusChange", "Established"))).contains("ClearCall", "Hangup");

        agent2.perform(id, "ClearCall", "");

        agent2.expectCall(id, "StatusChange", "Released");
        // agent1 (and the customer with it) is released too, whatever agent1 was told of agent2's answer before
        JsonNode last;
        do {
            last = agent1.next();
        } while (!last.path("call").path("state").asText().equals("Released"));
        assertThat(last.path("call").path("id").asText()).isEqualTo(id);
        InternalCallTest.assertNoCalls(agent1, agent2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void answeringWhileOnACall_putsThatCallOnHold(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String customer = agent2.callWithCustomer();
        String internal = agent1.dial("15002").path("id").asText();
        assertThat(capabilities(agent2.expectCall(internal, "StatusChange", "Ringing"))).contains("Answer");

        agent2.perform(internal, "Answer", "");

        agent2.expectCall(customer, "StatusChange", "Held");
        agent2.expectCall(internal, "StatusChange", "Established");
        agent1.expectCall(internal, "StatusChange", "Established");
    }
}
