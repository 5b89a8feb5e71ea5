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
    void reject_releasesTheRingingCall_andTellsTheCallerWhy(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = agent1.dial("15002").path("id").asText();
        assertThat(capabilities(agent2.expectCall(id, "StatusChange", "Ringing"))).contains("Answer", "Reject");

        agent2.perform(id, "Reject", "");

        agent2.expectCall(id, "StatusChange", "Released");
        JsonNode error = agent1.expectError(103);
        assertThat(error.path("errorMessage").asText()).isEqualTo("Destination 15002 rejected the call");
        agent1.expectCall(id, "StatusChange", "Released");
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
