package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.CallControl.capabilities;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.cometd.client.BayeuxClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Contact-centre sessions, agent states, do-not-disturb and forwarding, over REST and DeviceStateChangeMessages. */
class AgentStateTest extends EndToEndTest {

    static final String READY_ID = "9430250E-0A1B-421F-B372-F29E69366DED";
    static final String NOT_READY_ID = "900D55CC-2BB0-431F-8BF9-D3525B383BE6";


    @ParameterizedTest
    @EnumSource(Transport.class)
    void anAgentLogsIn_andGoesThroughEveryState_eachAnnouncedWithTheWholeDevice(Transport transport) throws Exception {
        Agent agent1 = desktop("agent1", transport);
        assertThat(agent1.get("/me/devices/" + agent1.deviceId).body().path("device").path("userState"))
                .isEqualTo(Json.MAPPER.readTree("{\"displayName\":\"Logged Out\",\"state\":\"LoggedOut\"}"));

        agent1.startSession();
        JsonNode device = agent1.expectDevice("NotReady", null);
        assertThat(device.path("userState")).isEqualTo(Json.MAPPER.readTree(
                "{\"id\":\"" + NOT_READY_ID + "\",\"displayName\":\"Not Ready\",\"state\":\"NotReady\"}"));
        assertThat(SeedDialTest.fieldNames(device)).containsExactly("id", "deviceState", "userState", "phoneNumber", "description",
                "e164Number", "telephonyNetwork", "doNotDisturb", "voiceEnvironmentUri", "capabilities", "channels", "dynamicPhoneNumber",
                "uri", "path");
        assertThat(device.path("voiceEnvironmentUri").asText()).startsWith(server.base() + "/api/v2/voice-environments/");
        assertThat(device.path("phoneNumber").asText()).isEqualTo("15001");
        assertThat(device.path("doNotDisturb").asText()).isEqualTo("Off");
        assertThat(capabilities(device)).containsExactly("DoNotDisturbOn", "ForwardCallsOn");
        assertThat(device.path("uri").asText()).isEqualTo(server.base() + "/api/v2/devices/" + agent1.deviceId);

        agent1.setState("Ready");
        assertThat(agent1.expectDevice("Ready", null).path("userState")).isEqualTo(Json.MAPPER.readTree(
                "{\"id\":\"" + READY_ID + "\",\"displayName\":\"Ready\",\"state\":\"Ready\"}"));
        agent1.setState("AfterCallWork");
        assertThat(agent1.expectDevice("NotReady", "AfterCallWork").path("userState").path("id").asText())
                .isEqualTo("D3663509-3D82-4DD3-A82E-2EA8EFA02AEF");
        agent1.setState("AuxWork");
        assertThat(agent1.expectDevice("NotReady", "AuxWork").path("userState").path("id").asText())
                .isEqualTo("2B36138D-C564-4562-A8CB-3C32D564F296");
        agent1.setState("NotReady");
        agent1.expectDevice("NotReady", null);

        // What the notifications said is what a desktop recovering its state reads.
        JsonNode me = agent1.get("/me?subresources=*").body().path("user");
        assertThat(me.path("devices").path(0)).isEqualTo(device);
        assertThat(me.has("channels")).as("GWS lists only multimedia channels in /me; voice is on the devices").isFalse();
        assertThat(agent1.get("/me/channels").body().path("channels")).isEqualTo(Json.MAPPER.readTree(
                "[{\"channel\":\"voice\",\"userState\":{\"id\":\"" + NOT_READY_ID + "\",\"displayName\":\"Not Ready\",\"state\":\"NotReady\"}}]"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void eachUser_hearsOnlyOfTheirOwnDevice_whateverTheySubscribeTo(Transport transport) throws Exception {
        Agent agent1 = desktop("agent1", transport);
        Agent agent2 = login("agent2", transport, Agent.Login.SESSION_COOKIE, "/**");

        agent1.startSessionAndBeReady();
        agent1.operate("/me/devices/" + agent1.deviceId, "DoNotDisturbOn", "");
        agent1.expectDevice("Ready", null);
        agent2.startSession();

        agent2.expectDevice("NotReady", null); // its own, and nothing of agent1's before it
        assertThat(agent2.pending()).isZero();
    }

    @Test
    void agentStates_areAlsoAcceptedOnMe_andOnTheDevice_asRealClientsSendThem() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        agent1.startSession();
        agent1.expectDevice("NotReady", null);

        agent1.operate("/me", "Ready", "");
        agent1.expectDevice("Ready", null);
        agent1.operate("/me/devices/" + agent1.deviceId, "AuxWork", "");
        agent1.expectDevice("NotReady", "AuxWork");
        agent1.operate("/me/devices/" + agent1.deviceId, "Ready", "");
        agent1.expectDevice("Ready", null);
    }

    @Test
    void afterCallWork_withAWrapUpTime_returnsToReadyWhenItRunsOut() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        agent1.startSession();
        agent1.expectDevice("NotReady", null);

        agent1.operate("/me/channels/voice", "AfterCallWork", "'wrapUpTime':'1'");

        agent1.expectDevice("NotReady", "AfterCallWork");
        agent1.expectDevice("Ready", null); // within Agent.WAIT, by the switch's own timer
    }

    @Test
    void statesBeforeLogin_andAfterLogout_areRefused_andChangeNothing() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        assertRefused(agent1.post("/me/channels/voice", "{\"operationName\":\"Ready\"}"), 400, 2, "logged");

        agent1.startSession();
        agent1.expectDevice("NotReady", null);
        agent1.setState("Ready");
        agent1.expectDevice("Ready", null);
        assertThat(agent1.pending()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void endContactCenterSession_logsOut_endsTheHttpSession_andDisconnectsItsNotifications(Transport transport) throws Exception {
        Agent agent1 = desktop("agent1", transport);
        agent1.startSessionAndBeReady();

        agent1.operate("/me", "EndContactCenterSession", "");

        JsonNode device = agent1.expectDevice("LoggedOut", null);
        assertThat(device.path("userState").has("id")).isFalse();
        assertThat(agent1.get("/me").status()).as("the session cookie no longer logs in").isEqualTo(401);
        assertThat(agent1.cometd().waitFor(Agent.WAIT.toMillis(), BayeuxClient.State.DISCONNECTED)).isTrue();
        Agent again = restOnly("agent1");
        assertThat(again.get("/me/devices/" + again.deviceId).body().path("device").path("userState").path("state").asText()).isEqualTo("LoggedOut");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void doNotDisturb_turnsOnAndOff_andCallsToTheDeviceGetBusy(Transport transport) throws Exception {
        Agent agent1 = desktop("agent1", transport);
        Agent agent2 = desktop("agent2", transport);

        agent2.operate("/me/devices/" + agent2.deviceId, "DoNotDisturbOn", "");
        JsonNode device = agent2.expectDevice("LoggedOut", null);
        assertThat(device.path("doNotDisturb").asText()).isEqualTo("On");
        assertThat(capabilities(device)).containsExactly("DoNotDisturbOff", "ForwardCallsOn");
        assertRefused(agent2.post("/me/devices/" + agent2.deviceId, "{\"operationName\":\"DoNotDisturbOn\"}"), 400, 2, "DoNotDisturbOff");

        String id = agent1.dial("15002").path("id").asText();
        agent1.expectError(101);
        agent1.expectCall(id, "StatusChange", "Released");
        assertThat(agent2.pending()).as("a DND device does not ring").isZero();

        agent2.operate("/me/devices/" + agent2.deviceId, "DoNotDisturbOff", "");
        assertThat(agent2.expectDevice("LoggedOut", null).path("doNotDisturb").asText()).isEqualTo("Off");
        CallControl.connected(agent1, agent2);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void forwarding_sendsCallsToTheDestination_untilTurnedOff(Transport transport) throws Exception {
        Agent agent1 = desktop("agent1", transport);
        Agent agent2 = desktop("agent2", transport);
        Agent agent3 = desktop("agent3", transport);

        agent2.operate("/me/devices/" + agent2.deviceId, "ForwardCallsOn", "'destination':'15003'");
        JsonNode device = agent2.expectDevice("LoggedOut", null);
        assertThat(device.path("forwardTo").asText()).isEqualTo("15003");
        assertThat(capabilities(device)).containsExactly("DoNotDisturbOn", "ForwardCallsOff");

        String id = agent1.dial("15002").path("id").asText();
        JsonNode ringing = agent3.expectCall(id, "StatusChange", "Ringing");
        assertThat(ringing.path("dnis").asText()).as("the number dialled").isEqualTo("15002");
        assertThat(agent2.pending()).isZero();
        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        agent3.expectCall(id, "StatusChange", "Released");

        agent2.operate("/me/devices/" + agent2.deviceId, "ForwardCallsOff", "");
        assertThat(agent2.expectDevice("LoggedOut", null).has("forwardTo")).isFalse();
        CallControl.connected(agent1, agent2);
    }

    @Test
    void badRequests_getAClearError_andChangeNothing() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent agent2 = restOnly("agent2");
        agent1.startSession();
        agent1.expectDevice("NotReady", null);
        String device = "/me/devices/" + agent1.deviceId;

        assertRefused(agent1.post("/me", "{\"operationName\":\"GoHome\"}"), 400, 10, "StartContactCenterSession");
        assertRefused(agent1.post("/me/channels/voice", "{\"operationName\":\"Dial\"}"), 400, 10, "Ready");
        assertRefused(agent1.post("/me/channels/chat", "{\"operationName\":\"Ready\"}"), 404, 6, "voice");
        assertRefused(agent1.post(device, "{\"operationName\":\"Fly\"}"), 400, 10, "DoNotDisturbOn");
        assertRefused(agent1.post("/me/channels/voice", "{\"operationName\":\"AfterCallWork\",\"wrapUpTime\":\"soon\"}"), 400, 10, "wrapUpTime");
        assertRefused(agent1.post("/me/channels/voice", "{\"operationName\":\"AfterCallWork\",\"wrapUpTime\":-5}"), 400, 10, "wrapUpTime");
        assertRefused(agent1.post("/me", "{\"operationName\":\"StartContactCenterSession\",\"channels\":[\"chat\"]}"), 400, 10, "voice");
        assertRefused(agent1.post("/me", "{\"operationName\":\"StartContactCenterSession\",\"channels\":\"voice\"}"), 400, 10, "array");
        assertRefused(agent1.post(device, "{\"operationName\":\"ForwardCallsOn\"}"), 400, 1, "destination");
        assertRefused(agent1.post(device, "{\"operationName\":\"ForwardCallsOn\",\"destination\":\"15001\"}"), 400, 10, "itself");
        assertRefused(agent1.post(device, "{\"operationName\":\"ForwardCallsOn\",\"destination\":\"abc\"}"), 400, 10, "destination");
        assertRefused(agent1.post(device, "{\"operationName\":\"ForwardCallsOff\"}"), 400, 2, "ForwardCallsOn");
        assertRefused(agent1.post(device, "{\"operationName\":\"ListenIn\",\"targetDeviceUri\":\"" + agent2.deviceId + "\"}"), 403, 5, "ROLE_SUPERVISOR");
        assertRefused(agent1.post(device, "{\"operationName\":\"Ready\""), 400, 10, "JSON");
        assertRefused(agent2.post(device, "{\"operationName\":\"DoNotDisturbOn\"}"), 404, 6, "not found");
        assertRefused(restOnly("admin").post("/me/channels/voice", "{\"operationName\":\"Ready\"}"), 400, 2, "device");

        // Nothing changed: the next notification is the one for this request, and the device is as it was.
        agent1.setState("NotReady");
        JsonNode after = agent1.expectDevice("NotReady", null);
        assertThat(after.path("doNotDisturb").asText()).isEqualTo("Off");
        assertThat(after.has("forwardTo")).isFalse();
    }

    @Test
    void startingASessionWithOtherMediaToo_isAPartialSuccess() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);

        Response response = agent1.post("/me", "{\"operationName\":\"StartContactCenterSession\",\"channels\":[\"voice\",\"chat\"]}");

        assertThat(response.status()).isEqualTo(200);
        // GWS's shape (shared/spec/wwe-8.5-session.md, request 9)
        assertThat(response.body().path("statusCode").asInt()).isEqualTo(7);
        assertThat(SeedDialTest.fieldNames(response.body())).containsExactly("statusCode", "failed", "succeeded");
        assertThat(response.body().path("failed")).hasSize(1);
        assertThat(SeedDialTest.fieldNames(response.body().path("failed").path(0))).containsExactly("statusCode", "statusMessage", "channel");
        assertThat(response.body().path("failed").path(0).path("channel").asText()).isEqualTo("multimedia");
        assertThat(response.body().path("failed").path(0).path("statusCode").asInt()).isEqualTo(4);
        assertThat(response.body().path("succeeded")).isEqualTo(Json.MAPPER.readTree("[{\"statusCode\":0,\"channel\":\"voice\"}]"));
        agent1.expectDevice("NotReady", null);
    }

    static void assertRefused(Response response, int httpStatus, int statusCode, String messagePart) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(httpStatus);
        assertThat(response.body().path("statusCode").asInt()).as("%s", response.body()).isEqualTo(statusCode);
        assertThat(response.body().path("statusMessage").asText()).contains(messagePart);
        assertThat(SeedDialTest.fieldNames(response.body())).containsExactly("statusCode", "statusMessage");
    }
}
