package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logs as an operator reads them (docs/operations.md, "Logs"): the server runs in its own process, as
 * {@code dialtone serve} with logging options, and the test reads what it printed.
 */
class LoggingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path data;

    private final List<ServerProcess> servers = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Agent agent : agents) {
            agent.close();
        }
        for (ServerProcess server : servers) {
            server.close();
        }
    }

    @Test
    void theRequestLogNamesMethodPathStatusUserAndDuration_andNoPasswordTokenOrSessionId() throws Exception {
        ServerProcess server = start();
        HttpClient http = HttpClient.newHttpClient();
        // Secrets where clients put them: Basic credentials, a query string, a bearer token, a cookie, a body.
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(server.api("/me?password=hunter2&access_token=tok-in-query")))
                .header("Authorization", Agent.basic("agent1", "demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        String sessionCookie = me.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(server.api("/me/calls")))
                .header("Authorization", "Bearer tok-in-header").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        HttpResponse<String> change = http.send(HttpRequest.newBuilder(URI.create(server.api("/me")))
                .header("Cookie", sessionCookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operationName\":\"ChangePassword\",\"oldPassword\":\"wrong-old-one\","
                        + "\"newPassword\":\"new-secret-1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(change.statusCode()).as(change.body()).isNotEqualTo(200);
        // A CometD client that logs in with the session cookie: the request log names the session's user.
        Agent agent = keep(Agent.login(server, "agent2", Transport.LONG_POLLING));
        assertThat(agent.transportName()).isEqualTo("long-polling");

        await().atMost(WAIT).untilAsserted(() -> {
            String log = String.join("\n", server.lines());
            assertThat(log).containsPattern("INFO .*dialtone\\.requests - \\[agent1\\] GET /api/v2/me 200 \\d+ms");
            assertThat(log).containsPattern("INFO .*dialtone\\.requests - GET /api/v2/me/calls 401 \\d+ms");
            assertThat(log).containsPattern("INFO .*dialtone\\.requests - \\[agent1\\] POST /api/v2/me 4\\d\\d \\d+ms");
            assertThat(log).containsPattern("INFO .*dialtone\\.requests - \\[agent2\\] POST /api/v2/notifications/handshake 200 \\d+ms");
        });
        String log = String.join("\n", server.lines());
        String sessionId = sessionCookie.substring(sessionCookie.indexOf('=') + 1);
        assertThat(log).doesNotContain("hunter2", "tok-in-query", "tok-in-header", "wrong-old-one", "new-secret-1", sessionId,
                Agent.basic("agent1", "demo").substring("Basic ".length()), "access_token");
    }

    @Test
    void inJson_everyLineIsAnObject_andTheLinesAboutACallCarryItsIdAndTheUser() throws Exception {
        ServerProcess server = start("--log-format", "json");
        Agent agent1 = keep(Agent.login(server, "agent1", Transport.LONG_POLLING, Agent.Login.SESSION_COOKIE, "/v2/me/calls", "/v2/me/devices"));
        agent1.startSessionAndBeReady();
        String callId = Agent.customerCalls(server, "8000", "");
        agent1.expectCall("StatusChange", "Ringing");
        agent1.perform(callId, "Answer", "");
        agent1.expectCall("StatusChange", "Established");
        agent1.perform(callId, "Hangup", "");
        agent1.expectCall("StatusChange", "Released");

        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> aboutTheCall = logObjects(server).stream().filter(line -> callId.equals(line.path("callId").asText(null))).toList();
            assertThat(aboutTheCall).anySatisfy(line -> {
                assertThat(line.path("logger_name").asText()).isEqualTo("dialtone.calls");
                assertThat(line.path("message").asText()).isEqualTo("call " + callId + " started: INBOUND from 5551234 to 8000");
            });
            assertThat(aboutTheCall).anySatisfy(line -> {
                assertThat(line.path("logger_name").asText()).isEqualTo("dialtone.requests");
                assertThat(line.path("user").asText()).isEqualTo("admin");
                assertThat(line.path("path").asText()).isEqualTo("/sim/calls");
            });
            assertThat(aboutTheCall).anySatisfy(line -> {
                assertThat(line.path("logger_name").asText()).isEqualTo("dialtone.requests");
                assertThat(line.path("user").asText()).isEqualTo("agent1");
                assertThat(line.path("method").asText()).isEqualTo("POST");
                assertThat(line.path("path").asText()).isEqualTo("/api/v2/me/calls/" + callId);
                assertThat(line.path("status").asInt()).isEqualTo(200);
                assertThat(line.path("durationMs").isIntegralNumber()).isTrue();
            });
            assertThat(aboutTheCall).anySatisfy(line -> {
                assertThat(line.path("logger_name").asText()).isEqualTo("dialtone.calls");
                assertThat(line.path("user").asText()).isEqualTo("agent1");
                assertThat(line.path("message").asText()).startsWith("call " + callId + " ended after ");
            });
        });
        for (String line : server.lines()) {
            if (line.startsWith("{")) {
                JsonNode object = Json.MAPPER.readTree(line);
                assertThat(object.path("@timestamp").isTextual()).as(line).isTrue();
                assertThat(object.path("level").isTextual()).as(line).isTrue();
            }
        }
        assertThat(logObjects(server)).as("log lines").hasSizeGreaterThan(5);
    }

    @Test
    void levelsChangeWithoutRebuilding_byOption_byConfigFile_andByALogbackFile() throws Exception {
        // --log-level WARN: not even the request log.
        ServerProcess quiet = start("--log-level", "WARN");
        Agent.restOnly(quiet, "agent1");
        // logging.levels in the configuration: the call log in detail, no request log.
        Path config = data.resolve("levels.yaml");
        Files.writeString(config, "logging:\n  levels: { dialtone.calls: DEBUG, dialtone.requests: 'OFF' }\n");
        ServerProcess detailed = start("--config", config.toString());
        Agent agent = keep(Agent.login(detailed, "agent1", Transport.LONG_POLLING));
        agent.callWithCustomer();
        // --log-config: the operator's own Logback file replaces the built-in one.
        Path logback = data.resolve("logback.xml");
        Files.writeString(logback, "<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'>"
                + "<encoder><pattern>CUSTOM %logger %X{user} %msg%n</pattern></encoder></appender>"
                + "<root level='INFO'><appender-ref ref='OUT'/></root></configuration>");
        ServerProcess custom = start("--log-config", logback.toString());
        Agent.restOnly(custom, "agent1");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(String.join("\n", detailed.lines())).containsPattern("DEBUG .*dialtone\\.calls .* at 15001: new -> DIALING");
            assertThat(String.join("\n", custom.lines())).contains("CUSTOM dialtone.requests agent1 GET /api/v2/me 200");
        });
        assertThat(String.join("\n", quiet.lines())).doesNotContain("dialtone.requests", " INFO ");
        assertThat(String.join("\n", detailed.lines())).doesNotContain("dialtone.requests");
    }

    @Test
    void aLevelThatDoesNotExistIsRefusedClearly() throws Exception {
        List<String> command = new ArrayList<>(List.of(ServerProcess.serveCommand()));
        command.addAll(List.of("--port", "0", "--data", data.toString(), "--log-level", "LOUD"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("dialtone: logging.level must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, was LOUD")
                .doesNotContain("Exception");
    }

    private ServerProcess start(String... options) throws IOException, InterruptedException {
        ServerProcess server = ServerProcess.start(Files.createTempDirectory(data, "server"), options);
        servers.add(server);
        return server;
    }

    private Agent keep(Agent agent) {
        agents.add(agent);
        return agent;
    }

    private static List<JsonNode> logObjects(ServerProcess server) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : server.lines()) {
            if (line.startsWith("{")) {
                objects.add(Json.MAPPER.readTree(line));
            }
        }
        return objects;
    }
}
