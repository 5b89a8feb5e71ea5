package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A user sees and controls only their own devices, calls and notifications. */
class IsolationTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anotherUsersCall_isNotFound_forReadingOrOperating_andStaysAsItWas(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        JsonNode call = agent1.dial("5550187");
        String id = call.path("id").asText();

        assertNotFound(agent2.get("/me/calls/" + id));
        assertNotFound(agent2.post("/me/calls/" + id, "{\"operationName\":\"Hangup\"}"));
        assertNotFound(agent2.post("/me/calls/" + id, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"a\":\"b\"}}"));
        assertThat(agent2.get("/me/calls").body().path("uris")).isEmpty();

        assertThat(agent1.get("/me/calls/" + id).body().path("call")).isEqualTo(call);
        agent1.expectNothingBefore(id);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anotherUsersDevice_isNotFound_andCannotDial(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = restOnly("agent2");
        String live = agent1.dial("5550187").path("id").asText();

        assertNotFound(agent2.get("/me/devices/" + agent1.deviceId));
        assertNotFound(agent2.get("/devices/" + agent1.deviceId));
        assertNotFound(agent2.post("/me/devices/" + agent1.deviceId + "/calls",
                "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5550100\"}}"));
        assertThat(agent2.get("/me/devices").body().path("uris")).extracting(JsonNode::asText)
                .containsExactly(server.base() + "/api/v2/devices/" + agent2.deviceId);

        assertThat(agent1.get("/me/calls").body().path("uris")).hasSize(1);
        agent1.expectNothingBefore(live);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void wildcardSubscriptions_deliverOnlyTheUsersOwnEvents(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent deep = login("agent2", transport, Agent.Login.SESSION_COOKIE, "/**");
        Agent shallow = login("agent3", transport, Agent.Login.SESSION_COOKIE, "/v2/me/*");
        Agent gws = login("agent4", transport, Agent.Login.SESSION_COOKIE, "/v2/**");

        String callOfAgent1 = agent1.dial("5550100").path("id").asText();
        agent1.expectCall("StatusChange", "Established");
        agent1.perform(callOfAgent1, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"secret\":\"x\"}}");
        agent1.expectCall("AttachedDataChanged", "Established");

        // Their own calls come through; agent1's never did.
        for (Agent other : new Agent[] {deep, shallow, gws}) {
            JsonNode own = other.dial("5550187");
            assertThat(own.path("id").asText()).isNotEqualTo(callOfAgent1);
            assertThat(other.pending()).as("notifications %s has beyond its own: %s", other.userName, other.drain()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everySessionOfAUser_getsItsEvents(Transport transport) throws Exception {
        Agent tab1 = login("agent1", transport);
        Agent tab2 = keep(Agent.restOnly(server, "agent1"));
        tab2.connect(transport, Agent.Login.BASIC_ON_HANDSHAKE, "/v2/me/*");

        String id = tab1.dial("5550187").path("id").asText();

        assertThat(tab2.expectCall("StatusChange", "Dialing").path("id").asText()).isEqualTo(id);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void clientsCannotPublish_onServiceChannelsOrAnyOther(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        String live = agent1.dial("5550187").path("id").asText();

        for (String channel : new String[] {"/v2/me/calls", "/v2/me/devices", "/service/dial", "/chat/room"}) {
            Message reply = publish(agent2.cometd(), channel, Map.of("messageType", "CallStateChangeMessage", "forged", true));
            assertThat(reply.isSuccessful()).as("publish on %s", channel).isFalse();
            assertThat((String) reply.get(Message.ERROR_FIELD)).startsWith("403");
        }
        agent1.expectNothingBefore(live);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void subscribingOutsideTheGwsChannels_isRefused(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);

        for (String channel : new String[] {"/chat/room", "/service/calls", "/foo/*"}) {
            CompletableFuture<Message> reply = new CompletableFuture<>();
            agent1.cometd().getChannel(channel).subscribe((c, m) -> { }, reply::complete);
            Message message = reply.get(Agent.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message.isSuccessful()).as("subscribe to %s", channel).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void handshake_withoutCredentials_orWithWrongOnes_isDenied(Transport transport) throws Exception {
        Agent agent1 = restOnly("agent1");
        // SESSION_COOKIE login without putting the cookie in: the handshake carries no credentials at all
        assertHandshakeDenied(agent1.newClient(transport, Agent.Login.SESSION_COOKIE));

        BayeuxClient forgedSession = agent1.newClient(transport, Agent.Login.SESSION_COOKIE);
        forgedSession.putCookie(org.eclipse.jetty.http.HttpCookie.from("JSESSIONID", "node0forged.node0"));
        assertHandshakeDenied(forgedSession);

        Agent wrongPassword = keep(Agent.withPassword(server, "agent2", "demo", "not-demo"));
        assertHandshakeDenied(wrongPassword.newClient(transport, Agent.Login.BASIC_ON_HANDSHAKE));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void handshake_withBasicCredentials_works(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport, Agent.Login.BASIC_ON_HANDSHAKE, "/v2/me/calls");

        agent1.dial("5550100");
        agent1.expectCall("StatusChange", "Established");
    }

    private static void assertHandshakeDenied(BayeuxClient client) throws Exception {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.handshake(reply::complete);
        Message message = reply.get(Agent.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message.isSuccessful()).isFalse();
        assertThat(String.valueOf(message.get(Message.ERROR_FIELD))).contains("403");
        assertThat(client.waitFor(Agent.WAIT.toMillis(), BayeuxClient.State.DISCONNECTED)).isTrue();
    }

    private static Message publish(BayeuxClient client, String channel, Object data) throws Exception {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        client.getChannel(channel).publish(data, reply::complete);
        return reply.get(Agent.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void assertNotFound(Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(404);
        assertThat(response.statusCode()).isEqualTo(6);
        assertThat(response.statusMessage()).contains("not found");
        assertThat(SeedDialTest.fieldNames(response.body())).containsExactly("statusCode", "statusMessage");
    }
}
