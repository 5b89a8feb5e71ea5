package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.StatusCode;
import com.dialtone.server.openapi.OpenApiResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description (openapi.yaml) against the server: it describes every route of the route table and
 * nothing else, the operationName lists are the server's own, its StatusCode table is StatusCode's, its
 * examples fit its own schemas, and it is served without a login. (Every reply of the end-to-end tests is
 * checked against it in {@link Agent#send}.)
 */
class OpenApiTest {

    /** Served beside the API servlets' route table, by servlets of their own. */
    private static final Set<String> OTHER_SERVLETS = Set.of("POST /api/v2/notifications", "GET /health/live", "GET /health/ready",
            "GET /metrics", "GET /desktop.json");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private static GwsServer server;
    private static final JsonNode DOCUMENT = OpenApiResource.load();
    private final HttpClient anonymous = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = GwsServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRoute_isDescribed_andNothingElse() {
        Set<String> described = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = DOCUMENT.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    described.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        Set<String> served = new TreeSet<>(server.server.routeTable());
        served.addAll(OTHER_SERVLETS);
        assertThat(described).as("described in openapi.yaml").containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void theOperationNames_areTheServersOwn() throws Exception {
        Agent agent1 = Agent.restOnly(server, "agent1");
        try {
            String device = agent1.deviceId;
            assertThat(names("CallOperation")).isEqualTo(known(agent1.post("/me/calls/none", "{\"operationName\":\"Fly\"}")));
            assertThat(names("DeviceOperation")).isEqualTo(known(agent1.post("/me/devices/" + device, "{\"operationName\":\"Fly\"}")));
            assertThat(names("MeOperation")).isEqualTo(known(agent1.post("/me", "{\"operationName\":\"Fly\"}")));
            assertThat(names("AgentStateOperation")).isEqualTo(known(agent1.post("/me/channels/voice", "{\"operationName\":\"Fly\"}")));
        } finally {
            agent1.close();
        }
        assertThat(names("UcsOperation")).containsExactlyInAnyOrder("SetCallNote", "SetCallCompleted");
    }

    @Test
    void theStatusCodeTable_isTheServersErrorTable() {
        Set<String> described = new TreeSet<>();
        for (JsonNode row : DOCUMENT.at("/components/schemas/StatusCode/anyOf")) {
            described.add(row.get("title").asText() + " " + row.get("const").asInt() + "/" + row.get("x-http-status").asInt());
        }
        assertThat(described).containsExactlyInAnyOrderElementsOf(Arrays.stream(StatusCode.values())
                .map(code -> code.name() + " " + code.code() + "/" + code.httpStatus()).toList());
    }

    @Test
    void everyReplyExample_fitsItsOwnSchema() {
        int examples = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = DOCUMENT.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> replies = operation.getValue().get("responses").fields(); replies.hasNext(); ) {
                    Map.Entry<String, JsonNode> reply = replies.next();
                    JsonNode response = reply.getValue().has("$ref") ? DOCUMENT.at(reply.getValue().get("$ref").asText().substring(1)) : reply.getValue();
                    JsonNode example = response.at("/content/application~1json/example");
                    if (example.isMissingNode()) {
                        continue;
                    }
                    int status = reply.getKey().equals("default") ? example.path("statusCode").asInt() == 6 ? 404 : 400 : Integer.parseInt(reply.getKey());
                    String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
                    OpenApiReplies.DESCRIPTION.check(operation.getKey().toUpperCase(java.util.Locale.ROOT), URI.create(concrete), status, example.toString());
                    examples++;
                }
            }
        }
        assertThat(examples).isGreaterThan(20);
    }

    @Test
    void theDescription_isServedWithoutALogin_asJson() throws Exception {
        HttpResponse<String> response = anonymous.send(HttpRequest.newBuilder(URI.create(server.api("/openapi.json"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode served = com.dialtone.server.http.Json.MAPPER.readTree(response.body());
        assertThat(served).isEqualTo(DOCUMENT);
        assertThat(served.get("openapi").asText()).isEqualTo("3.1.0");
    }

    private static Set<String> names(String schema) {
        Set<String> names = new TreeSet<>();
        collect(DOCUMENT.at("/components/schemas/" + schema), names);
        return names;
    }

    /** Every operationName enum under the schema, following its $refs. */
    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                collect(DOCUMENT.at(node.get("$ref").asText().substring(1)), names);
            }
            JsonNode operationName = node.path("properties").path("operationName").path("enum");
            operationName.forEach(name -> names.add(name.asText()));
            node.forEach(child -> collect(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }

    /** The names a refusal of an unknown operationName lists after "known: ". */
    private static Set<String> known(Response refusal) {
        assertThat(refusal.statusCode()).as(refusal.body().toString()).isEqualTo(10);
        String message = refusal.statusMessage();
        return Arrays.stream(message.substring(message.indexOf("known: ") + "known: ".length()).split(",\\s*"))
                .map(String::trim).collect(Collectors.toCollection(TreeSet::new));
    }
}
