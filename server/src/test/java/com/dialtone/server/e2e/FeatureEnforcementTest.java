package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.AgentStateTest.assertRefused;
import static com.dialtone.server.e2e.CallControl.capabilities;
import static com.dialtone.server.e2e.Provision.json;
import static com.dialtone.server.e2e.Provision.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The features that switch Voice API functionality off (GWS 8.5 reference §1.7): call recording,
 * supervisor monitoring and UCS for voice. Unassigned, their operations leave the capabilities of GETs
 * and notifications alike and are refused with nothing changed; assigned again, they work at once.
 */
class FeatureEnforcementTest extends EndToEndTest {

    private static final String[] RECORDING = {"StartCallRecording", "PauseCallRecording", "ResumeCallRecording", "StopCallRecording"};

    @Test
    void withoutCallRecording_anEstablishedCallOffersNoRecording_andStartCallRecordingIsRefused_untilReassigned() throws Exception {
        Agent admin = restOnly("admin");
        Agent agent1 = desktop("agent1", Transport.WEBSOCKET);
        String id = agent1.callWithCustomer();
        assertThat(capabilities(call(agent1, id))).contains("StartCallRecording");

        ok(admin.delete("/features/api-voice-recording"));

        assertThat(capabilities(call(agent1, id))).contains("Hold", "Hangup", "MuteCall").doesNotContain(RECORDING);
        agent1.perform(id, "AttachUserData", "'userData':{'Queue':'Sales'}");
        assertThat(capabilities(agent1.expectCall(id, "AttachedDataChanged", "Established")))
                .as("the next notification, from the same mapper").contains("Hold").doesNotContain(RECORDING);
        assertRefused(agent1.post("/me/calls/" + id, json("{'operationName':'StartCallRecording'}")), 400, 2,
                "StartCallRecording is not available while the call is Established (the feature api-voice-recording is not assigned)");
        assertThat(call(agent1, id).has("recordingState")).as("nothing recorded").isFalse();
        assertThat(call(agent1, id).path("userData").has("GSIP_RECORD")).isFalse();

        ok(admin.post("/features", json("{'id':'api-voice-recording'}")));

        assertThat(capabilities(call(agent1, id))).contains("StartCallRecording");
        agent1.perform(id, "StartCallRecording", "");
        JsonNode recording = agent1.expectCall(id, "CallRecordingStateChange", "Established");
        assertThat(recording.path("recordingState").asText()).isEqualTo("Recording");
        assertThat(capabilities(recording)).contains("PauseCallRecording", "StopCallRecording");
        assertThat(agent1.pending()).isZero();
    }

    @Test
    void withoutSupervisorMonitoring_theSupervisorsDeviceOffersNoMonitoring_andListenInIsRefused() throws Exception {
        Agent admin = restOnly("admin");
        Agent agent1 = desktop("agent1", Transport.WEBSOCKET);
        Agent supervisor = desktop("supervisor1", Transport.WEBSOCKET);
        String id = agent1.callWithCustomer();
        String target = "'targetDeviceUri':'" + server.base() + "/api/v2/devices/" + agent1.deviceId + "'";

        ok(admin.delete("/features/api-supervisor-monitoring"));

        assertThat(capabilities(device(supervisor))).containsExactly("DoNotDisturbOn", "ForwardCallsOn");
        supervisor.operate("/me/devices/" + supervisor.deviceId, "DoNotDisturbOn", "");
        assertThat(capabilities(supervisor.expectDevice("LoggedOut", null))).containsExactly("DoNotDisturbOff", "ForwardCallsOn");
        for (String operation : new String[] {"ListenIn", "Coach", "BargeIn"}) {
            assertRefused(supervisor.post("/me/devices/" + supervisor.deviceId, json("{'operationName':'" + operation + "'," + target + "}")),
                    400, 2, operation + " is not available on this device now (the feature api-supervisor-monitoring is not assigned)");
        }
        assertThat(device(supervisor).has("supervisorMonitoringState")).as("not monitoring").isFalse();
        assertThat(call(agent1, id).path("supervisorListeningIn").asBoolean()).isFalse();
        assertThat(supervisor.pending()).isZero();
        assertThat(agent1.pending()).isZero();

        ok(admin.post("/features", json("{'id':'api-supervisor-monitoring'}")));

        assertThat(capabilities(device(supervisor))).containsExactly("DoNotDisturbOff", "ForwardCallsOn", "ListenIn", "Coach", "BargeIn");
        supervisor.operate("/me/devices/" + supervisor.deviceId, "ListenIn", target);
        supervisor.next();
        supervisor.next(); // the monitoring call ringing and the device monitoring, in either order
        supervisor.perform(id, "Answer", "");
        assertThat(capabilities(supervisor.expectCall(id, "StatusChange", "Established"))).contains("SwitchToBargeIn", "MuteMonitoredUser");

        ok(admin.delete("/features/api-supervisor-monitoring"));

        assertThat(capabilities(call(supervisor, id))).contains("Hangup").doesNotContain("SwitchToBargeIn", "MuteMonitoredUser");
        assertRefused(supervisor.post("/me/calls/" + id, json("{'operationName':'SwitchToBargeIn'}")), 400, 2,
                "(the feature api-supervisor-monitoring is not assigned)");
        assertThat(call(supervisor, id).path("supervisorListeningIn").asBoolean()).as("still listening in").isTrue();
        assertThat(capabilities(device(supervisor))).as("always a way out").containsExactly("DoNotDisturbOff", "ForwardCallsOn",
                "CancelSupervisorMonitoring");
        supervisor.drain();
        supervisor.operate("/me/devices/" + supervisor.deviceId, "CancelSupervisorMonitoring", "");
        org.awaitility.Awaitility.await().atMost(Agent.WAIT).untilAsserted(() ->
                assertThat(device(supervisor).has("supervisorMonitoringState")).as("monitoring stopped").isFalse());
        assertThat(capabilities(device(supervisor))).containsExactly("DoNotDisturbOff", "ForwardCallsOn");
    }

    @Test
    void withoutUcsVoiceOrVoice_setCallNoteIsNotFound_andWithVoiceAloneItWorks() throws Exception {
        Agent admin = restOnly("admin");
        Agent agent1 = login("agent1", Transport.WEBSOCKET, Agent.Login.SESSION_COOKIE, "/v2/me/calls", "/v2/me/ucs");
        String id = agent1.callWithCustomer();
        ok(admin.delete("/features/api-ucs-voice"));
        assertThat(ok(note(agent1, id, "api-voice suffices")).path("referenceId").isIntegralNumber()).isTrue();
        assertThat(agent1.next().path("$channel").asText()).isEqualTo("/v2/me/ucs");

        ok(admin.delete("/features/api-voice"));

        assertRefused(note(agent1, id, "lost"), 404, 6, "neither the feature api-ucs-voice nor api-voice is assigned");
        assertRefused(agent1.post("/ucs/interactions/" + id, json("{'operationName':'SetCallCompleted'}")), 404, 6, "api-ucs-voice");
        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        JsonNode stored = History.call(agent1, id);
        assertThat(stored.path("note").asText()).isEqualTo("api-voice suffices");
        assertThat(stored.path("completed").asBoolean()).isFalse();
        assertThat(agent1.pending()).isZero();

        ok(admin.post("/features", json("{'id':'api-voice'}")));

        assertThat(ok(note(agent1, id, "kept")).path("referenceId").isIntegralNumber()).isTrue();
        JsonNode response = agent1.next();
        assertThat(response.path("$channel").asText()).isEqualTo("/v2/me/ucs");
        assertThat(History.call(agent1, id).path("note").asText()).isEqualTo("kept");
    }

    private static Response note(Agent agent, String id, String note) {
        return agent.post("/ucs/interactions/" + id, json("{'operationName':'SetCallNote','note':'" + note + "'}"));
    }

    private static JsonNode call(Agent agent, String id) {
        return ok(agent.get("/me/calls/" + id)).path("call");
    }

    private static JsonNode device(Agent agent) {
        return ok(agent.get("/me/devices/" + agent.deviceId)).path("device");
    }
}
