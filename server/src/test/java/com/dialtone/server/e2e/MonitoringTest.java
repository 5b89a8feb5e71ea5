package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.CallControl.capabilities;
import static com.dialtone.server.e2e.CallControl.participants;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** supervisor1 (DN 15100) listens in on, coaches and barges in on agent1's calls. */
class MonitoringTest extends EndToEndTest {


    private static String monitor(Agent supervisor, Agent target, String operation, String moreJson) {
        supervisor.operate("/me/devices/" + supervisor.deviceId, operation,
                "'targetDeviceUri':'" + target.server.base() + "/api/v2/devices/" + target.deviceId + "'" + moreJson);
        return target.server.base() + "/api/v2/devices/" + target.deviceId;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void listenIn_onALiveCall_thenBargeIn_andTakeOver(Transport transport) throws Exception {
        Agent agent1 = desktop("agent1", transport);
        Agent supervisor = desktop("supervisor1", transport);
        String id = agent1.callWithCustomer();

        String target = monitor(supervisor, agent1, "ListenIn", "");

        List<JsonNode> two = sorted(supervisor.next(), supervisor.next());
        JsonNode ringing = two.get(0).path("call");
        JsonNode device = two.get(1).path("devices").path(0);
        assertThat(device.path("supervisorMonitoringState").toString()).isEqualTo(
                "{\"state\":\"ListenIn\",\"mode\":\"AllCalls\",\"scope\":\"Call\",\"targetDeviceUri\":\"" + target + "\"}");
        assertThat(capabilities(device)).containsExactly("DoNotDisturbOn", "ForwardCallsOn", "CancelSupervisorMonitoring");
        assertThat(ringing.path("id").asText()).isEqualTo(id);
        assertThat(ringing.path("state").asText()).isEqualTo("Ringing");
        assertThat(ringing.path("monitoring").asBoolean()).isTrue();
        assertThat(participants(ringing)).containsExactlyInAnyOrder("15001", "5550100");
        JsonNode agentView = agent1.expectCall(id, "ParticipantsUpdated", "Established");
        assertThat(participants(agentView)).as("a listening supervisor is not a participant").containsExactly("5550100");
        assertThat(agentView.path("supervisorListeningIn").asBoolean()).isTrue();
        assertThat(capabilities(agentView)).as("a supervisor does not make a conference").doesNotContain("RemoveParticipantFromConference");

        supervisor.perform(id, "Answer", "");
        JsonNode listening = supervisor.expectCall(id, "StatusChange", "Established");
        assertThat(listening.path("mute").asText()).isEqualTo("On");
        assertThat(listening.path("supervisorListeningIn").asBoolean()).isTrue();
        assertThat(capabilities(listening)).contains("SwitchToBargeIn", "MuteMonitoredUser", "Hangup")
                .doesNotContain("SwitchToListenIn", "Hold", "SingleStepTransfer", "InitiateTransfer");

        supervisor.perform(id, "SwitchToBargeIn", "");
        JsonNode barging = supervisor.expectCall(id, "StatusChange", "Established");
        assertThat(barging.path("mute").asText()).isEqualTo("Off");
        assertThat(barging.path("supervisorListeningIn").asBoolean()).isFalse();
        assertThat(capabilities(barging)).contains("SwitchToListenIn").doesNotContain("SwitchToBargeIn");
        assertThat(supervisor.expectDevice("LoggedOut", null).path("supervisorMonitoringState").path("state").asText()).isEqualTo("BargeIn");
        JsonNode agentSees = agent1.expectCall(id, "ParticipantsUpdated", "Established");
        assertThat(participants(agentSees)).as("barging in, the supervisor is a participant").containsExactlyInAnyOrder("5550100", "15100");
        assertThat(agentSees.path("supervisorListeningIn").asBoolean()).isFalse();

        supervisor.perform(id, "MuteMonitoredUser", "");
        JsonNode muted = supervisor.expectCall(id, "MonitoredUserMutedStateChange", "Established");
        assertThat(muted.path("monitoredUserMuted").asBoolean()).isTrue();
        assertThat(capabilities(muted)).contains("UnmuteMonitoredUser").doesNotContain("MuteMonitoredUser");
        assertThat(agent1.expectCall(id, "MonitoredUserMutedStateChange", "Established").path("monitoredUserMuted").asBoolean()).isTrue();
        AgentStateTest.assertRefused(supervisor.post("/me/calls/" + id, "{\"operationName\":\"SwitchToBargeIn\"}"), 400, 2, "SwitchToListenIn");

        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        supervisor.expectCall(id, "StatusChange", "Released");
        assertThat(supervisor.pending()).as("AllCalls: still monitoring").isZero();

        supervisor.operate("/me/devices/" + supervisor.deviceId, "CancelSupervisorMonitoring", "");
        JsonNode cancelled = supervisor.expectDevice("LoggedOut", null);
        assertThat(cancelled.has("supervisorMonitoringState")).isFalse();
        assertThat(capabilities(cancelled)).containsExactly("DoNotDisturbOn", "ForwardCallsOn", "ListenIn", "Coach", "BargeIn");
    }

    @Test
    void coachTheNextCall_joinsWhenTheAgentIsConnected_andEndsWithThatCall() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent supervisor = desktop("supervisor1", Transport.LONG_POLLING);
        monitor(supervisor, agent1, "Coach", ",'supervisorMonitoringMode':'NextCall'");
        assertThat(supervisor.expectDevice("LoggedOut", null).path("supervisorMonitoringState").path("mode").asText()).isEqualTo("NextCall");

        String id = agent1.callWithCustomer();
        JsonNode ringing = supervisor.expectCall(id, "StatusChange", "Ringing");
        assertThat(ringing.path("monitoring").asBoolean()).isTrue();
        supervisor.perform(id, "Answer", "");
        JsonNode coaching = supervisor.expectCall(id, "StatusChange", "Established");
        assertThat(coaching.path("mute").asText()).isEqualTo("Off");
        assertThat(capabilities(coaching)).contains("SwitchToListenIn", "SwitchToBargeIn");

        agent1.drain();
        agent1.perform(id, "Hangup", "");

        supervisor.expectCall(id, "StatusChange", "Released");
        assertThat(supervisor.expectDevice("LoggedOut", null).has("supervisorMonitoringState")).as("NextCall is over").isFalse();
    }

    @Test
    void scopeAgent_leavesWithTheAgent_whileScopeCall_followsTheCall() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent agent2 = desktop("agent2", Transport.LONG_POLLING);
        Agent supervisor = desktop("supervisor1", Transport.LONG_POLLING);
        String id = agent1.callWithCustomer();
        monitor(supervisor, agent1, "ListenIn", ",'supervisorMonitoringScope':'Agent'");
        assertThat(sorted(supervisor.next(), supervisor.next()).get(0).path("call").path("state").asText()).isEqualTo("Ringing");
        supervisor.perform(id, "Answer", "");
        supervisor.expectCall(id, "StatusChange", "Established");
        agent1.drain();

        agent1.perform(id, "SingleStepTransfer", "'destination':{'phoneNumber':'15002'}");

        agent1.expectCall(id, "StatusChange", "Released");
        supervisor.expectCall(id, "StatusChange", "Released");
        agent2.expectCall(id, "StatusChange", "Ringing");
    }

    @Test
    void bargeIn_withScopeCall_followsTheCallToTheAgentItIsTransferredTo() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent agent2 = desktop("agent2", Transport.LONG_POLLING);
        Agent supervisor = desktop("supervisor1", Transport.LONG_POLLING);
        String id = agent1.callWithCustomer();
        monitor(supervisor, agent1, "BargeIn", ",'supervisorMonitoringScope':'Call'");
        assertThat(sorted(supervisor.next(), supervisor.next()).get(1).path("devices").path(0)
                .path("supervisorMonitoringState").path("state").asText()).isEqualTo("BargeIn");
        supervisor.perform(id, "Answer", "");
        JsonNode barging = supervisor.expectCall(id, "StatusChange", "Established");
        assertThat(barging.path("mute").asText()).isEqualTo("Off");
        assertThat(participants(agent1.expectCall(id, "ParticipantsUpdated", "Established"))).containsExactlyInAnyOrder("5550100", "15100");

        agent1.perform(id, "SingleStepTransfer", "'destination':{'phoneNumber':'15002'}");

        agent1.expectCall(id, "StatusChange", "Released");
        JsonNode ringing = agent2.expectCall(id, "StatusChange", "Ringing");
        assertThat(participants(ringing)).containsExactlyInAnyOrder("5550100", "15100");
        agent2.perform(id, "Answer", "");
        agent2.expectCall(id, "StatusChange", "Established");
        assertThat(supervisor.get("/me/calls/" + id).body().path("call").path("state").asText()).as("still in the call").isEqualTo("Established");
    }

    @Test
    void badMonitoringRequests_areRefused_andChangeNothing() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent supervisor = desktop("supervisor1", Transport.LONG_POLLING);
        String device = "/me/devices/" + supervisor.deviceId;

        AgentStateTest.assertRefused(supervisor.post(device, "{\"operationName\":\"ListenIn\"}"), 400, 1, "targetDeviceUri");
        AgentStateTest.assertRefused(supervisor.post(device, "{\"operationName\":\"ListenIn\",\"targetDeviceUri\":\"http://x/api/v2/devices/nope\"}"),
                400, 10, "nope");
        AgentStateTest.assertRefused(supervisor.post(device, "{\"operationName\":\"ListenIn\",\"targetDeviceUri\":\"" + supervisor.deviceId + "\"}"),
                400, 10, "own");
        AgentStateTest.assertRefused(supervisor.post(device, "{\"operationName\":\"BargeIn\",\"targetDeviceUri\":\"" + agent1.deviceId
                + "\",\"supervisorMonitoringScope\":\"Everything\"}"), 400, 10, "supervisorMonitoringScope");
        AgentStateTest.assertRefused(supervisor.post(device, "{\"operationName\":\"CancelSupervisorMonitoring\"}"), 400, 2, "ListenIn");

        String id = agent1.callWithCustomer();
        assertThat(supervisor.pending()).isZero();
        assertThat(agent1.get("/me/calls/" + id).body().path("call").path("supervisorListeningIn").asBoolean()).isFalse();
        agent1.expectNothingBefore(id);
    }

    /** The call notification first, then the device one: their order within one change is not the point here. */
    private static List<JsonNode> sorted(JsonNode a, JsonNode b) {
        List<JsonNode> both = new ArrayList<>(List.of(a, b));
        both.sort(Comparator.comparing(m -> m.path("messageType").asText()));
        return both;
    }
}
