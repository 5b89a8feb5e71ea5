package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.CallControl.capabilities;
import static com.dialtone.server.e2e.CallControl.participants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Customer calls to routing point 8000 (Sales: agents 1-10), queued and offered to Ready agents. */
class RoutingTest extends EndToEndTest {

    @Override
    protected String[] configuration() {
        return new String[] {"routing: {offerTimeout: 2s}"};
    }


    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCustomerCall_ringsTheLongestIdleReadyAgent_asAnInboundCallWithItsData(Transport transport) throws Exception {
        Agent agent1 = desktop("agent1", transport);
        Agent agent2 = desktop("agent2", transport);
        agent2.startSessionAndBeReady(); // agent2 has waited longest
        agent1.startSessionAndBeReady();

        String id = Agent.customerCalls(server, "8000", "'userData':{'Product':'Guitars'}");

        JsonNode ringing = agent2.expectCall(id, "StatusChange", "Ringing");
        assertThat(ringing.path("callType").asText()).isEqualTo("Inbound");
        assertThat(ringing.path("ani").asText()).isEqualTo("5551234");
        assertThat(ringing.path("dnis").asText()).isEqualTo("8000");
        assertThat(participants(ringing)).containsExactly("5551234");
        assertThat(ringing.path("userData").path("Product").asText()).isEqualTo("Guitars");
        assertThat(capabilities(ringing)).contains("Answer", "Reject");
        assertThat(agent1.pending()).isZero();

        String second = Agent.customerCalls(server, "8000", "");
        agent1.expectCall(second, "StatusChange", "Ringing");

        agent2.perform(id, "Answer", "");
        assertThat(agent2.expectCall(id, "StatusChange", "Established").path("callType").asText()).isEqualTo("Inbound");
    }

    @Test
    void agentsWhoAreNotReady_orDoNotDisturb_orLoggedOut_getNoRoutedCalls() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent agent2 = desktop("agent2", Transport.LONG_POLLING);
        Agent agent3 = desktop("agent3", Transport.LONG_POLLING);
        Agent agent4 = desktop("agent4", Transport.LONG_POLLING); // never logs in
        agent1.startSession();
        agent1.expectDevice("NotReady", null);
        agent2.startSessionAndBeReady();
        agent2.operate("/me/devices/" + agent2.deviceId, "DoNotDisturbOn", "");
        agent2.expectDevice("Ready", null);

        String id = Agent.customerCalls(server, "8000", "");

        assertThat(waiting()).as("nobody can take it").containsExactly(id);
        agent3.startSessionAndBeReady();
        agent3.expectCall(id, "StatusChange", "Ringing");
        assertThat(agent1.pending() + agent2.pending() + agent4.pending()).isZero();
        assertThat(waiting()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anOfferNotAnswered_goesToTheNextAgent_andTheFirstIsMadeNotReady(Transport transport) throws Exception {
        Agent agent1 = desktop("agent1", transport);
        Agent agent2 = desktop("agent2", transport);
        agent1.startSessionAndBeReady();
        agent2.startSessionAndBeReady();
        String id = Agent.customerCalls(server, "8000", "");
        agent1.expectCall(id, "StatusChange", "Ringing");

        // routing.offerTimeout is 2 s here
        assertThat(capabilities(agent1.expectCall(id, "StatusChange", "Released"))).isEmpty();
        agent1.expectDevice("NotReady", null);
        agent2.expectCall(id, "StatusChange", "Ringing");
        agent2.perform(id, "Answer", "");
        agent2.expectCall(id, "StatusChange", "Established");
    }

    @Test
    void aRejectedOffer_goesBackToTheQueue_andOnToAnotherAgent() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent agent2 = desktop("agent2", Transport.LONG_POLLING);
        agent1.startSessionAndBeReady();
        String id = Agent.customerCalls(server, "8000", "");
        agent1.expectCall(id, "StatusChange", "Ringing");

        agent1.perform(id, "Reject", "");

        agent1.expectCall(id, "StatusChange", "Released");
        assertThat(waiting()).as("back in the queue, not offered to agent1 again").containsExactly(id);
        agent2.startSessionAndBeReady();
        agent2.expectCall(id, "StatusChange", "Ringing");
        assertThat(agent1.pending()).as("agent1 stays Ready, no error for a routed call").isZero();
    }

    @Test
    void aCallerWhoHangsUpInTheQueue_leavesIt_andNoAgentRings() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        String id = Agent.customerCalls(server, "8000", "'hangUpAfter':'1s'");
        assertThat(waiting()).containsExactly(id);

        await().atMost(Duration.ofSeconds(5)).until(() -> waiting().isEmpty());
        agent1.startSessionAndBeReady();
        assertThat(agent1.get("/me/calls").body().path("uris")).isEmpty();
        // A second caller, in the queue after the first: the first call agent1 is offered is this one.
        String next = Agent.customerCalls(server, "8000", "");
        assertThat(agent1.expectCall("StatusChange", "Ringing").path("id").asText()).isEqualTo(next).isNotEqualTo(id);
    }

    @Test
    void aCallerWhoHangsUpWhileRinging_releasesTheAgent() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        agent1.startSessionAndBeReady();
        String id = Agent.customerCalls(server, "8000", "");
        agent1.expectCall(id, "StatusChange", "Ringing");

        Response hangUp = restOnly("admin").sim("/calls/" + id, "{\"operationName\":\"Hangup\"}");

        assertThat(hangUp.statusCode()).isZero();
        agent1.expectCall(id, "StatusChange", "Released");
    }

    @Test
    void customerDtmf_reachesTheAgent_withTheDigits() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        agent1.startSessionAndBeReady();
        String id = Agent.customerCalls(server, "8000", "'dtmf':'1234','dtmfAfter':'100ms'");
        agent1.expectCall(id, "StatusChange", "Ringing");
        agent1.perform(id, "Answer", "");
        agent1.expectCall(id, "StatusChange", "Established");

        JsonNode message = agent1.next();
        assertThat(message.path("notificationType").asText()).isEqualTo("DtmfSent");
        assertThat(message.path("extensions").path("DTMFDigits").asText()).isEqualTo("1234");
        assertThat(message.path("extensions").path("DTMFSender").asText()).isEqualTo("5551234");
    }

    @Test
    void anAgentCanTransferACallToTheQueue_whereAnotherAgentGetsIt() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        Agent agent2 = desktop("agent2", Transport.LONG_POLLING);
        agent1.startSession();
        agent1.expectDevice("NotReady", null);
        String id = agent1.callWithCustomer();
        agent2.startSessionAndBeReady();

        agent1.perform(id, "SingleStepTransfer", "'destination':{'phoneNumber':'8000'}");

        agent1.expectCall(id, "StatusChange", "Released");
        JsonNode ringing = agent2.expectCall(id, "StatusChange", "Ringing");
        assertThat(participants(ringing)).containsExactly("5550100");
        agent2.perform(id, "Answer", "");
        agent2.expectCall(id, "StatusChange", "Established");
    }

    @Test
    void badSimulatorRequests_getAClearError() throws Exception {
        Agent admin = restOnly("admin");
        Agent agent1 = restOnly("agent1");

        AgentStateTest.assertRefused(agent1.sim("/calls", "{\"from\":\"5551234\",\"to\":\"8000\"}"), 403, 5, "ROLE_ADMIN");
        AgentStateTest.assertRefused(admin.sim("/calls", "{\"to\":\"8000\"}"), 400, 1, "from");
        AgentStateTest.assertRefused(admin.sim("/calls", "{\"from\":\"15001\",\"to\":\"8000\"}"), 400, 10, "15001");
        AgentStateTest.assertRefused(admin.sim("/calls", "{\"from\":\"5551234\",\"to\":\"8000\",\"hangUpAfter\":\"later\"}"), 400, 10, "hangUpAfter");
        AgentStateTest.assertRefused(admin.sim("/calls", "{\"from\":\"5551234\",\"to\":\"8000\",\"dtmf\":\"abc\"}"), 400, 10, "abc");
        AgentStateTest.assertRefused(admin.sim("/calls/NOPE", "{\"operationName\":\"Hangup\"}"), 404, 6, "NOPE");
        assertThat(admin.simGet("/routing-points").body().path("routingPoints").path(0).path("waitingCalls")).isEmpty();
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.local() + "/sim/routing-points")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private java.util.List<String> waiting() throws Exception {
        JsonNode points = restOnly("admin").simGet("/routing-points").body().path("routingPoints");
        for (JsonNode point : points) {
            if (point.path("number").asText().equals("8000")) {
                return java.util.stream.StreamSupport.stream(point.path("waitingCalls").spliterator(), false).map(JsonNode::asText).toList();
            }
        }
        throw new AssertionError("no routing point 8000 in " + points);
    }
}
