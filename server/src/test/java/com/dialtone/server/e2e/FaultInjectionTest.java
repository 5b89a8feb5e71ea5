package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dialtone.server.FaultCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The test lab's faults (docs/test-lab.md, "Faults"), each injected over {@code /sim/faults} into a real server
 * and seen by desktop-like clients (REST and the CometD Java client) exactly as the docs promise.
 */
class FaultInjectionTest extends EndToEndTest {

    private static final String DIAL_15002 = "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15002\"}}";

    @Test
    void onlyAdministratorsInjectFaults_andABadFaultIsRefusedNamingTheParameter_addingNothing() throws Exception {
        Agent agent1 = restOnly("agent1");
        Response refused = agent1.sim("/faults", "{\"fault\":\"refuseOperations\",\"user\":\"agent1\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.statusCode()).isEqualTo(5);
        assertThat(agent1.simGet("/faults").status()).isEqualTo(403);
        assertThat(agent1.simDelete("/faults").status()).isEqualTo(403);

        Agent admin = restOnly("admin");
        assertBad(admin.sim("/faults", "{\"fault\":\"meltdown\",\"user\":\"agent1\"}"), 10, "fault");
        assertBad(admin.sim("/faults", "{\"fault\":\"refuseOperations\",\"user\":\"nobody\"}"), 10, "user");
        assertBad(admin.sim("/faults", "{\"fault\":\"refuseOperations\",\"user\":\"agent1\",\"statusCode\":0}"), 10, "statusCode");
        assertBad(admin.sim("/faults", "{\"fault\":\"refuseOperations\",\"user\":\"agent1\",\"count\":0}"), 10, "count");
        assertBad(admin.sim("/faults", "{\"fault\":\"refuseOperations\",\"user\":\"agent1\",\"for\":\"soon\"}"), 10, "for");
        assertBad(admin.sim("/faults", "{\"fault\":\"refuseOperations\",\"user\":\"agent1\",\"cuont\":2}"), 10, "cuont");
        assertBad(admin.sim("/faults", "{\"fault\":\"refuseOperations\"}"), 1, "user");
        assertBad(admin.sim("/faults", "{\"fault\":\"delayNotifications\",\"user\":\"agent1\"}"), 1, "delay");
        assertBad(admin.sim("/faults", "{\"fault\":\"numberBusy\",\"number\":\"15002\"}"), 10, "number");
        assertBad(admin.sim("/faults", "{\"fault\":\"switchLinkDown\",\"user\":\"agent1\"}"), 10, "user");
        assertBad(admin.sim("/faults", "[1]"), 10, "JSON object");
        assertThat(admin.simGet("/faults").body().path("faults")).isEmpty();
        assertThat(admin.simDelete("/faults/7").status()).isEqualTo(404);
    }

    private static void assertBad(Response response, int statusCode, String parameter) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(statusCode);
        assertThat(response.statusMessage()).contains(parameter);
        assertThat(response.body().toString()).doesNotContain("Exception");
    }

    @Test
    void refusedOperations_getTheChosenStatusCode_changeNothing_andOnlyForThatUser() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent agent2 = desktop("agent2", Transport.LONG_POLLING);
        agent1.startSession();
        agent1.expectDevice("NotReady", null);
        Agent admin = restOnly("admin");
        Response added = admin.sim("/faults", "{\"fault\":\"refuseOperations\",\"user\":\"agent1\",\"count\":2,\"statusCode\":2}");
        assertThat(added.status()).as("%s", added.body()).isEqualTo(200);
        assertThat(added.body().path("fault").path("left").asInt()).isEqualTo(2);
        assertThat(added.body().path("fault").path("httpStatus").asInt()).isEqualTo(400);

        for (int i = 0; i < 2; i++) {
            Response ready = agent1.post("/me/channels/voice", "{\"operationName\":\"Ready\"}");
            assertThat(ready.status()).isEqualTo(400);
            assertThat(ready.statusCode()).isEqualTo(2);
            assertThat(ready.statusMessage()).isEqualTo("Refused by the test lab (fault 1)");
        }
        // Reading is no operation: served as ever. And the refused Ready changed nothing.
        assertThat(agent1.get("/me/devices?fields=*").body().path("devices").path(0).path("userState").path("state").asText()).isEqualTo("NotReady");
        assertThat(agent1.pending()).isZero();
        agent2.startSession(); // someone else's operations go through meanwhile
        agent2.expectDevice("NotReady", null);

        agent1.setState("Ready"); // the third goes through: the fault is used up and gone
        agent1.expectDevice("Ready", null);
        assertThat(admin.simGet("/faults").body().path("faults")).isEmpty();
    }

    @Test
    void aStatusMessage_andA503_areTheClientsToChoose_andClearingEndsTheFault() throws Exception {
        Agent agent1 = restOnly("agent1");
        Agent admin = restOnly("admin");
        String id = admin.sim("/faults", "{\"fault\":\"refuseOperations\",\"dn\":\"15001\",\"for\":\"1h\",\"statusCode\":4,"
                + "\"statusMessage\":\"Voice service is not available at this time\"}").body().path("fault").path("id").asText();
        Response refused = agent1.post("/me", "{\"operationName\":\"StartContactCenterSession\",\"channels\":[\"voice\"]}");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.body().toString()).isEqualTo("{\"statusCode\":4,\"statusMessage\":\"Voice service is not available at this time\"}");
        JsonNode listed = admin.simGet("/faults").body().path("faults").path(0);
        assertThat(listed.path("id").asText()).isEqualTo(id);
        assertThat(listed.path("dn").asText()).isEqualTo("15001");
        assertThat(listed.has("endsAt")).isTrue();

        assertThat(admin.simDelete("/faults/" + id).body().path("cleared").asInt()).isEqualTo(1);
        agent1.startSession();
    }

    @Test
    void slowReplies_comeThatMuchLater_forThatUser() throws Exception {
        Agent agent1 = restOnly("agent1");
        Agent admin = restOnly("admin");
        admin.sim("/faults", "{\"fault\":\"slowReplies\",\"user\":\"agent1\",\"delay\":\"1500ms\",\"count\":1}");
        long started = System.nanoTime();
        Response me = agent1.get("/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the reply").isGreaterThanOrEqualTo(1500L);
        assertThat(admin.simGet("/faults").body().path("faults")).isEmpty();
    }

    @Test
    void delayedNotifications_comeLate_inOrder_whileOthersAreNotifiedAtOnce() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent agent2 = desktop("agent2", Transport.WEBSOCKET);
        Agent admin = restOnly("admin");
        admin.sim("/faults", "{\"fault\":\"delayNotifications\",\"user\":\"agent1\",\"delay\":\"2s\",\"count\":1}");

        long dialled = System.nanoTime();
        assertThat(agent1.post("/me/devices/" + agent1.deviceId + "/calls", DIAL_15002).status()).isEqualTo(200);
        JsonNode ringing = agent2.expectCall("StatusChange", "Ringing");
        assertThat(agent1.pending()).as("agent1's Dialing is held back while agent2 is notified").isZero();
        JsonNode dialing = agent1.expectCall("StatusChange", "Dialing");
        assertThat((System.nanoTime() - dialled) / 1_000_000).as("ms until agent1's Dialing").isGreaterThanOrEqualTo(2000L);
        String id = dialing.path("id").asText();
        assertThat(ringing.path("id").asText()).isEqualTo(id);

        // Only the first was delayed; the next ones come in order behind it.
        agent2.perform(id, "Answer", "");
        agent1.expectCall(id, "StatusChange", "Established");
        agent2.expectCall(id, "StatusChange", "Established");
    }

    @Test
    void duplicatedNotifications_arriveTwice() throws Exception {
        Agent agent1 = desktop("agent1", Transport.WEBSOCKET);
        Agent admin = restOnly("admin");
        admin.sim("/faults", "{\"fault\":\"duplicateNotifications\",\"user\":\"agent1\",\"count\":1}");
        agent1.startSession();
        JsonNode first = agent1.expectDevice("NotReady", null);
        JsonNode second = agent1.expectDevice("NotReady", null);
        assertThat(second).isEqualTo(first);
        agent1.setState("Ready");
        agent1.expectDevice("Ready", null);
        assertThat(agent1.pending()).isZero();
    }

    @Test
    void droppedNotifications_cutTheSession_theDesktopHandshakesAgain_andRereadsWhatItMissed() throws Exception {
        Agent agent1 = restOnly("agent1");
        Listener desktop = new Listener(agent1, server, Transport.LONG_POLLING, true, "/v2/me/calls", "/v2/me/devices");
        try {
            assertThat(desktop.handshakes).hasValue(1);
            Agent admin = restOnly("admin");
            admin.sim("/faults", "{\"fault\":\"dropNotifications\",\"user\":\"agent1\",\"count\":1}");
            // Cut at once: the client is told on its next connect, and handshakes again (and subscribes again).
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(desktop.handshakes).hasValue(2));

            assertThat(agent1.post("/me/devices/" + agent1.deviceId + "/calls", DIAL_15002).status()).isEqualTo(200);
            // The Dialing is dropped (and the session cut again): the desktop handshakes again and re-reads.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(desktop.handshakes).hasValue(3));
            assertThat(desktop.received).as("the dropped Dialing never arrives").isEmpty();
            JsonNode calls = agent1.get("/me/calls?fields=*").body().path("calls");
            assertThat(calls).hasSize(1);
            String id = calls.path(0).path("id").asText();
            assertThat(admin.simGet("/faults").body().path("faults")).isEmpty();

            agent1.perform(id, "{\"operationName\":\"Hangup\"}"); // notified again
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(desktop.received)
                    .anySatisfy(m -> assertThat(m.path("call").path("state").asText()).isEqualTo("Released")));
        } finally {
            desktop.close();
        }
    }

    @Test
    void theSwitchLinkDown_makesDevicesInactive_refusesOperationsWith503_andComesBack() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        agent1.startSession();
        agent1.expectDevice("NotReady", null);
        Agent admin = restOnly("admin");
        String id = admin.sim("/faults", "{\"fault\":\"switchLinkDown\",\"for\":\"1h\"}").body().path("fault").path("id").asText();

        JsonNode inactive = agent1.next();
        assertThat(inactive.path("messageType").asText()).isEqualTo("DeviceStateChangeMessage");
        assertThat(inactive.path("devices").path(0).path("deviceState").asText()).isEqualTo("Inactive");
        assertThat(inactive.path("devices").path(0).has("userState")).as("no userState on an Inactive device").isFalse();
        JsonNode device = agent1.get("/me/devices?fields=*").body().path("devices").path(0);
        assertThat(device.path("deviceState").asText()).isEqualTo("Inactive");

        Response dial = agent1.post("/me/devices/" + agent1.deviceId + "/calls", DIAL_15002);
        assertThat(dial.status()).isEqualTo(503);
        assertThat(dial.body().toString()).isEqualTo("{\"statusCode\":4,\"statusMessage\":\"Voice service is not available at this time\"}");
        Response ready = agent1.post("/me/channels/voice", "{\"operationName\":\"Ready\"}");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(agent1.get("/me/calls?fields=*").body().path("calls")).as("nothing reached the switch").isEmpty();
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.local() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("the link to the switch is down");

        admin.simDelete("/faults/" + id);
        agent1.expectDevice("NotReady", null); // Active again, with its state as the switch kept it
        assertThat(agent1.get("/me/devices?fields=*").body().path("devices").path(0).path("deviceState").asText()).isEqualTo("Active");
        agent1.setState("Ready");
        agent1.expectDevice("Ready", null);
    }

    @Test
    void anExternalNumber_isBusy_unanswered_orHangsUpAtOnce_forItsNextCalls() throws Exception {
        Agent agent1 = login("agent1", Transport.WEBSOCKET);
        Agent admin = restOnly("admin");
        admin.sim("/faults", "{\"fault\":\"numberBusy\",\"number\":\"5550100\",\"count\":1}");
        assertThat(admin.simGet("/faults").body().path("faults").path(0).path("left").asInt()).isEqualTo(1);
        String busy = agent1.dial("5550100").path("id").asText();
        JsonNode error = agent1.expectError(101);
        assertThat(error.path("errorMessage").asText()).isEqualTo("Destination 5550100 is busy");
        agent1.expectCall(busy, "StatusChange", "Released");
        assertThat(admin.simGet("/faults").body().path("faults")).as("its one call is used up").isEmpty();
        String normal = agent1.dial("5550100").path("id").asText(); // the dial plan again: answers at once
        agent1.expectCall(normal, "StatusChange", "Established");
        agent1.perform(normal, "Hangup", "");
        agent1.expectCall(normal, "StatusChange", "Released");

        admin.sim("/faults", "{\"fault\":\"numberAnswersAndHangsUp\",\"number\":\"5550100\",\"count\":1}");
        String hangs = agent1.dial("5550100").path("id").asText();
        agent1.expectCall(hangs, "StatusChange", "Established");
        agent1.expectCall(hangs, "StatusChange", "Released");

        admin.sim("/faults", "{\"fault\":\"numberUnanswered\",\"number\":\"5550100\",\"count\":1}");
        String unanswered = agent1.dial("5550100").path("id").asText();
        assertThat(agent1.expectError(102).path("errorMessage").asText()).isEqualTo("Destination 5550100 did not answer");
        agent1.expectCall(unanswered, "StatusChange", "Released");
    }

    @Test
    void theCommandLine_addsListsAndClearsFaults() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new FaultCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
        assertThat(command.execute("add", "dropNotifications", "--agent", "agent1", "--for", "1h", "--server", server.local())).as(out.toString()).isZero();
        assertThat(command.execute("add", "numberBusy", "--number", "5550100", "--count", "2", "--server", server.local())).as(out.toString()).isZero();
        assertThat(command.execute("list", "--server", server.local())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Fault 1 added: dropNotifications for user agent1 until", "Fault 2 added: numberBusy for number 5550100, 2 times",
                "2 faults:", "  1  dropNotifications", "  2  numberBusy");
        assertThat(command.execute("clear", "--server", server.local())).isZero();
        assertThat(out.toString()).contains("Cleared 2 faults");
        assertThat(command.execute("add", "refuseOperations", "--agent", "nobody", "--server", server.local())).isEqualTo(1);
        assertThat(out.toString()).contains("no user is named 'nobody'");
    }
}
