package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attached data holds any JSON value (issue 13: WWE writes {@code WWE_PARTY_<dn>: {username, firstname,
 * lastname, path}} into every call). A property check: random nested values (objects, arrays, decimals,
 * booleans, null, unicode, big numbers) survive every path unchanged: the Dialing notification, GET, the
 * AttachedDataChanged notification of an update, the call history once the call ends, and a restart of the
 * server on the same data. The seed of each run is in the failure message.
 */
class NestedUserDataTest extends EndToEndTest {

    private static final int CALLS = 12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    @Test
    void randomNestedUserData_survivesNotificationsGetHistoryAndARestart() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Agent agent1 = login("agent1", Transport.WEBSOCKET);
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        for (int i = 0; i < CALLS; i++) {
            ObjectNode dialData = object(random, 0);
            ObjectNode update = object(random, 0);
            Response dialed = agent1.post("/me/devices/" + agent1.deviceId + "/calls", "{\"operationName\":\"Dial\",\"destination\":"
                    + "{\"phoneNumber\":\"5550187\"},\"userData\":" + dialData + "}");
            assertThat(dialed.status()).as("seed %d: Dial with %s: %s", seed, dialData, dialed.body()).isEqualTo(200);
            JsonNode dialing = agent1.expectCall("StatusChange", "Dialing");
            String id = dialing.path("id").asText();
            assertSame(seed, "Dialing notification", dialing.path("userData"), dialData);
            assertSame(seed, "GET", agent1.get("/me/calls/" + id).body().path("call").path("userData"), dialData);

            agent1.perform(id, "{\"operationName\":\"UpdateUserData\",\"userData\":" + update + "}");
            ObjectNode merged = dialData.deepCopy();
            merged.setAll(update);
            assertSame(seed, "AttachedDataChanged", agent1.expectCall(id, "AttachedDataChanged", "Dialing").path("userData"), merged);
            assertSame(seed, "GET after the update", agent1.get("/me/calls/" + id).body().path("call").path("userData"), merged);

            agent1.perform(id, "Hangup", "");
            agent1.expectCall(id, "StatusChange", "Released");
            assertSame(seed, "history", History.call(agent1, id).path("userData"), merged);
            expected.put(id, merged);
        }
        agent1.close();

        server.server.close(); // the data folder stays: the test's server owns it and deletes it after the test
        try (GwsServer again = GwsServer.startOn(server.dataDir())) {
            Agent agent1Again = Agent.restOnly(again, "agent1");
            for (Map.Entry<String, JsonNode> call : expected.entrySet()) {
                assertSame(seed, "history after a restart", History.call(agent1Again, call.getKey()).path("userData"), call.getValue());
            }
        }
    }

    /** The capture's own call (wwe-8.5-session.md): WWE's party object, on both sides, in GWS's key order. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void wwesPartyObjects_areAcceptedOnDialAndUpdateUserData_andShownInGwsKeyOrder(Transport transport) throws Exception {
        Agent agent2 = login("agent2", transport);
        Agent agent1 = login("agent1", transport);
        Response dialed = agent2.post("/me/devices/" + agent2.deviceId + "/calls", "{\"operationName\":\"Dial\",\"destination\":"
                + "{\"phoneNumber\":\"15001\"},\"userData\":{\"IW_RoutingBasedRequestType\":\"MakeCall\",\"WWE_PARTY_15002\":"
                + "{\"username\":\"agent2\",\"firstname\":\"Agent\",\"lastname\":\"2\",\"path\":\"/users/x\"},\"PhoneNumber\":\"15001\"}}");
        assertThat(dialed.status()).as("%s", dialed.body()).isEqualTo(200);
        String id = agent1.expectCall("StatusChange", "Ringing").path("id").asText();

        agent1.perform(id, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"WWE_PARTY_15001\":{\"username\":\"agent1\","
                + "\"firstname\":\"Agent\",\"lastname\":\"1\",\"path\":\"/users/y\"}}}");

        JsonNode changed = agent1.expectCall(id, "AttachedDataChanged", "Ringing").path("userData");
        assertThat(fieldNames(changed.path("WWE_PARTY_15002"))).as("GWS's order (a HashMap's), as in the capture")
                .containsExactly("path", "firstname", "username", "lastname");
        assertThat(changed.path("WWE_PARTY_15001").path("username").asText()).isEqualTo("agent1");
        assertThat(changed.path("IW_RoutingBasedRequestType").asText()).isEqualTo("MakeCall");
        JsonNode callerSide = agent2.expectCall(id, "StatusChange", "Dialing");
        assertThat(callerSide.path("userData").path("WWE_PARTY_15002").path("lastname").asText()).isEqualTo("2");
        assertThat(agent2.expectCall(id, "AttachedDataChanged", "Dialing").path("userData")).isEqualTo(changed);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void attachedDataOverTheCallsLimit_isRefused_andChangesNothing(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        String id = agent1.dial("5550187").path("id").asText();
        String half = "x".repeat(17_000);
        agent1.perform(id, "{\"operationName\":\"AttachUserData\",\"userData\":{\"a\":\"" + half + "\"}}");
        agent1.expectCall(id, "AttachedDataChanged", "Dialing");

        Response refused = agent1.post("/me/calls/" + id, "{\"operationName\":\"UpdateUserData\",\"userData\":{\"b\":{\"more\":\"" + half + "\"}}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("statusCode").asInt()).isEqualTo(10);
        assertThat(refused.body().path("statusMessage").asText()).contains("would be").contains("the limit is 32768");
        assertThat(fieldNames(refused.body())).containsExactly("statusCode", "statusMessage");
        assertThat(fieldNames(agent1.get("/me/calls/" + id).body().path("call").path("userData"))).containsExactly("a");
        agent1.perform(id, "Hangup", "");
        agent1.expectCall(id, "StatusChange", "Released");
        assertThat(agent1.pending()).as("no AttachedDataChanged for the refused update").isZero();
    }

    /** Equal as JSON: the expected value read back from its text, as every number on the way is. */
    private static void assertSame(long seed, String path, JsonNode actual, JsonNode expected) throws Exception {
        assertThat(actual).as("seed %d, %s", seed, path).isEqualTo(Json.MAPPER.readTree(expected.toString()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A random object of 1 to 4 pairs; nested values go up to 4 levels deep. */
    private static ObjectNode object(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int pairs = 1 + random.nextInt(4);
        for (int i = 0; i < pairs; i++) {
            object.set(key(random), value(random, depth + 1));
        }
        return object;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 7 : 9);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextInt()), random.nextInt(6)));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.numberNode(new BigInteger(80, random));
            case 6 -> NODES.textNode("");
            case 7 -> object(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static String key(Random random) {
        String[] keys = {"WWE_PARTY_15002", "path", "firstname", "IW_CaseUid", "k", "Ä-ключ", "a.b", "with space", "0"};
        return keys[random.nextInt(keys.length)] + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(100)));
    }

    private static String text(Random random) {
        String[] texts = {"agent.a", "/users/0123456789abcdef0123456789abcdef", "quote \" and \\ backslash", "tab\tnew\nline",
                "emoji 😀", "日本語", "<script>", "1.10"};
        return texts[random.nextInt(texts.length)];
    }
}
