package com.dialtone.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent configured with a wrap-up time goes to after-call work when a routed call ends, then back to Ready. */
class AfterCallWorkTest extends EndToEndTest {

    @Override
    protected String[] configuration() {
        return new String[] {"""
                users:
                  - {userName: agent1, password: demo, roles: [ROLE_AGENT], devices: [{phoneNumber: "15001"}], routingPoints: ["8000"], wrapUpTime: 1s}
                  - {userName: agent2, password: demo, roles: [ROLE_AGENT], devices: [{phoneNumber: "15002"}]}
                  - {userName: admin, password: demo, roles: [ROLE_ADMIN]}
                """};
    }

    @Test
    void aRoutedCallEnding_startsAfterCallWork_whichEndsInReady() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        agent1.startSessionAndBeReady();
        String id = Agent.customerCalls(server, "8000", "");
        agent1.expectCall(id, "StatusChange", "Ringing");
        agent1.perform(id, "Answer", "");
        agent1.expectCall(id, "StatusChange", "Established");

        agent1.perform(id, "Hangup", "");

        agent1.expectCall(id, "StatusChange", "Released");
        agent1.expectDevice("NotReady", "AfterCallWork");
        agent1.expectDevice("Ready", null);
    }

    @Test
    void aDirectCallEnding_doesNotStartAfterCallWork() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent agent2 = login("agent2", Transport.LONG_POLLING);
        agent1.startSessionAndBeReady();
        String id = CallControl.connected(agent2, agent1);

        agent1.perform(id, "Hangup", "");

        agent1.expectCall(id, "StatusChange", "Released");
        agent2.expectCall(id, "StatusChange", "Released");
        JsonNode state = agent1.get("/me/devices/" + agent1.deviceId).body().path("device").path("userState");
        assertThat(state.path("state").asText()).isEqualTo("Ready");
        assertThat(agent1.pending()).isZero();
    }
}
