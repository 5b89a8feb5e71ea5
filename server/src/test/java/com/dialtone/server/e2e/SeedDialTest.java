package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two samples of the GWS Dial page (shared/spec/seed-Dial.txt), sent exactly as written: the reply and
 * every field of the notification. agent1's device has the sample's device id.
 */
class SeedDialTest extends EndToEndTest {

    private static final String SAMPLE_DEVICE = "631608b3-ceb1-472b-ba05-2ae39555b0d1";
    private static final String SAMPLE_1 = """
            {
            "operationName": "Dial",
            "destination": {
            "phoneNumber": "15002"
            }
            }""";
    private static final String SAMPLE_2 = """
            {
            "operationName": "Dial",
            "destination": {
            "phoneNumber": "15002"
            },
            "userData": {
            "CustomerSegment": "Gold"
            }
            }""";
    private static final List<String> SEED_CALL_FIELDS = List.of("id", "state", "callUuid", "connId", "deviceUri",
            "participants", "dnis", "callType", "capabilities", "duration", "mute", "supervisorListeningIn",
            "monitoredUserMuted", "monitoring", "uri", "path");

    @ParameterizedTest
    @EnumSource(Transport.class)
    void sample1_repliesStatusCode0_thenNotifiesDialingWithEverySeedField(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        long before = System.currentTimeMillis();

        Response reply = agent1.post("/me/devices/" + SAMPLE_DEVICE + "/calls", SAMPLE_1);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(Json.MAPPER.readTree("{\"statusCode\":0}"));
        JsonNode message = agent1.next();
        assertSeedNotification(message, before, SEED_CALL_FIELDS);
        assertThat(message.path("call").has("userData")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void sample2_carriesTheUserDataInTheNotification(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        long before = System.currentTimeMillis();

        Response reply = agent1.post("/me/devices/" + SAMPLE_DEVICE + "/calls", SAMPLE_2);

        assertThat(reply.body()).isEqualTo(Json.MAPPER.readTree("{\"statusCode\":0}"));
        JsonNode message = agent1.next();
        List<String> fields = new ArrayList<>(SEED_CALL_FIELDS);
        fields.add(fields.indexOf("duration"), "userData");
        assertSeedNotification(message, before, fields);
        assertThat(message.path("call").path("userData")).isEqualTo(Json.MAPPER.readTree("{\"CustomerSegment\":\"Gold\"}"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theSeedsCall_goesOnToEstablishedAndReleased_andGetShowsWhatTheNotificationShowed(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = login("agent2", transport);
        agent1.post("/me/devices/" + SAMPLE_DEVICE + "/calls", SAMPLE_2);
        JsonNode dialing = agent1.expectCall("StatusChange", "Dialing");
        String id = dialing.path("id").asText();

        JsonNode asGot = agent1.get("/me/calls/" + id).body().path("call");
        assertThat(asGot).isEqualTo(dialing);
        JsonNode ringing = agent2.expectCall("StatusChange", "Ringing");
        assertThat(ringing.path("id").asText()).isEqualTo(id);

        agent2.perform(id, "{\"operationName\":\"Answer\"}");
        assertThat(agent2.expectCall("StatusChange", "Established").path("capabilities")).isNotEmpty();
        agent1.expectCall("StatusChange", "Established");

        agent1.perform(id, "{\"operationName\":\"Hangup\"}");
        JsonNode released = agent1.expectCall("StatusChange", "Released");
        assertThat(released.path("capabilities")).isEmpty();
        assertThat(released.path("userData").path("CustomerSegment").asText()).isEqualTo("Gold");
        assertThat(agent2.expectCall("StatusChange", "Released").path("capabilities")).isEmpty();
        assertThat(agent1.get("/me/calls").body().path("uris")).isEmpty();
    }

    private void assertSeedNotification(JsonNode message, long before, List<String> callFields) {
        String base = server.base();
        assertThat(message.path("$channel").asText()).isEqualTo("/v2/me/calls");
        assertThat(fieldNames(message)).containsExactly(
                "notificationType", "call", "phoneNumber", "extensions", "messageType", "metrics", "channel", "$channel");
        assertThat(message.path("notificationType").asText()).isEqualTo("StatusChange");
        assertThat(message.path("phoneNumber").asText()).isEqualTo("15001");
        assertThat(message.path("extensions")).isEqualTo(Json.MAPPER.createObjectNode().put("BusinessCall", 0));
        assertThat(message.path("messageType").asText()).isEqualTo("CallStateChangeMessage");
        assertThat(message.path("channel").asText()).isEqualTo("/v2/me/calls");

        JsonNode metrics = message.path("metrics").path("eventProcessing");
        assertThat(fieldNames(metrics)).containsExactly("nodeProcessingTimeNanos", "serverGenerationTimestamp", "serverProcessingTimeTotalMs");
        long nanos = metrics.path("nodeProcessingTimeNanos").asLong();
        assertThat(nanos).isPositive().isLessThan(5_000_000_000L);
        assertThat(metrics.path("serverGenerationTimestamp").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(metrics.path("serverProcessingTimeTotalMs").asLong()).isEqualTo(Math.round(nanos / 1_000_000.0));

        JsonNode call = message.path("call");
        String id = call.path("id").asText();
        assertThat(fieldNames(call)).containsExactlyElementsOf(callFields);
        assertThat(id).matches("[0-9A-Z]{32}");
        assertThat(call.path("state").asText()).isEqualTo("Dialing");
        assertThat(call.path("callUuid").asText()).isEqualTo(id);
        assertThat(call.path("connId").asText()).matches("[0-9a-f]{16}");
        assertThat(call.path("deviceUri").asText()).isEqualTo(base + "/api/v2/devices/" + SAMPLE_DEVICE);
        assertThat(call.path("participants")).isEqualTo(Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode()
                .put("e164Number", "").put("formattedPhoneNumber", "15002").put("phoneNumber", "15002").put("digits", "15002")));
        assertThat(call.path("dnis").asText()).isEqualTo("15002");
        assertThat(call.path("callType").asText()).isEqualTo("Internal");
        assertThat(call.path("capabilities")).extracting(JsonNode::asText).containsExactly(
                "SendDtmf", "DeleteUserData", "AttachUserData", "DeleteUserDataPair", "Hangup", "UpdateUserData");
        assertThat(call.path("duration").isTextual()).isTrue();
        assertThat(call.path("duration").asText()).isEqualTo("0");
        assertThat(call.path("mute").asText()).isEqualTo("Off");
        assertThat(call.path("supervisorListeningIn").isBoolean()).isTrue();
        assertThat(call.path("supervisorListeningIn").asBoolean()).isFalse();
        assertThat(call.path("monitoredUserMuted").asBoolean()).isFalse();
        assertThat(call.path("monitoring").asBoolean()).isFalse();
        assertThat(call.path("uri").asText()).isEqualTo(base + "/api/v2/me/calls/" + id);
        assertThat(call.path("path").asText()).isEqualTo("/calls/" + id);
    }

    @Override
    protected Agent login(String user, Transport transport) throws Exception {
        Agent agent = super.login(user, transport);
        assertThat(agent.transportName()).isEqualTo(transport == Transport.WEBSOCKET ? "websocket" : "long-polling");
        return agent;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
