package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.CallControl.capabilities;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SwapAndRecordingTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void swapCalls_betweenTwoCalls_andBack(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String customer = agent1.callWithCustomer();
        Response dial = agent1.post("/me/devices/" + agent1.deviceId + "/calls",
                "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15002\"}}");
        assertThat(dial.statusCode()).isZero();
        // dialling while talking puts the customer on hold first; the new call is not answered, so no swap yet
        assertThat(capabilities(agent1.expectCall(customer, "StatusChange", "Held"))).doesNotContain("SwapCalls", "Retrieve");
        String internal = agent1.expectCall("StatusChange", "Dialing").path("id").asText();
        agent2.expectCall(internal, "StatusChange", "Ringing");
        agent2.perform(internal, "Answer", "");
        agent2.expectCall(internal, "StatusChange", "Established");
        assertThat(capabilities(agent1.expectCall(internal, "StatusChange", "Established"))).contains("SwapCalls");
        assertThat(capabilities(agent1.expectCall(customer, "StatusChange", "Held"))).contains("SwapCalls");

        agent1.perform(internal, "SwapCalls", "'otherCallUri':'" + server.base() + "/api/v2/me/calls/" + customer + "'");

        agent1.expectCall(internal, "StatusChange", "Held");
        agent1.expectCall(customer, "StatusChange", "Established");

        agent1.perform(internal, "SwapCalls", ""); // the only other call is taken when none is named

        agent1.expectCall(customer, "StatusChange", "Held");
        agent1.expectCall(internal, "StatusChange", "Established");
        agent2.expectNothingBefore(internal);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void recording_startPauseResumeStop_reachesEveryAgentOnTheCall(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String id = CallControl.connected(agent1, agent2);
        assertThat(agent1.get("/me/calls/" + id).body().path("call").has("recordingState")).isFalse();

        step(agent1, agent2, id, "StartCallRecording", "Recording", "ON", "PauseCallRecording", "StopCallRecording");
        step(agent2, agent1, id, "PauseCallRecording", "Paused", "PAUSED", "ResumeCallRecording", "StopCallRecording");
        step(agent1, agent2, id, "ResumeCallRecording", "Recording", "ON", "PauseCallRecording", "StopCallRecording");
        step(agent1, agent2, id, "StopCallRecording", "Stopped", null, "StartCallRecording");
    }

    private static void step(Agent actor, Agent other, String id, String operation, String state, String gsipRecord,
                             String... nowAvailable) {
        actor.perform(id, operation, "");
        for (Agent agent : new Agent[] {actor, other}) {
            JsonNode call = agent.expectCall(id, "CallRecordingStateChange", "Established");
            assertThat(call.path("recordingState").asText()).isEqualTo(state);
            assertThat(capabilities(call)).contains(nowAvailable).doesNotContain(operation);
            if (gsipRecord == null) {
                assertThat(call.path("userData").has("GSIP_RECORD")).isFalse();
            } else {
                assertThat(call.path("userData").path("GSIP_RECORD").asText()).isEqualTo(gsipRecord);
            }
        }
    }
}
