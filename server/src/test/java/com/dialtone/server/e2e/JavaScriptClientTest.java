package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.dialtone.server.sim.CallCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * The CometD JavaScript client (npm {@code cometd}, in Node.js) as shipped in examples/cometd-js: it logs
 * in, handshakes with the session cookie over each transport, and prints the seed Dial's notification.
 */
class JavaScriptClientTest extends EndToEndTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "cometd-js").toAbsolutePath().normalize();

    @BeforeAll
    static void installTheClient() throws Exception {
        installExample();
    }

    /** npm ci in examples/cometd-js, once. */
    static void installExample() throws Exception {
        if (!Files.isDirectory(EXAMPLE.resolve("node_modules"))) {
            // Not inheritIO: npm makes the stdin it is given non-blocking, and this JVM's stdin is the
            // channel Surefire talks to it on.
            Path log = Files.createTempFile("npm-ci", ".log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(EXAMPLE.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            assertThat(npm.waitFor(120, TimeUnit.SECONDS)).as("npm ci finished").isTrue();
            assertThat(npm.exitValue()).as("npm ci in %s: %s", EXAMPLE, Files.readString(log)).isZero();
            Files.delete(log);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theJavaScriptClient_receivesTheSeedDialsNotification(Transport transport) throws Exception {
        String name = transport == Transport.WEBSOCKET ? "websocket" : "long-polling";
        Process node = new ProcessBuilder("node", "listen.mjs", server.local(), "agent1", "demo", name)
                .directory(EXAMPLE.toFile()).redirectErrorStream(true).start();
        try {
            BlockingQueue<String> lines = readLines(node);
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("# connected over " + name);

            Agent agent1 = restOnly("agent1");
            agent1.post("/me/devices/631608b3-ceb1-472b-ba05-2ae39555b0d1/calls",
                    "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15002\"},\"userData\":{\"CustomerSegment\":\"Gold\"}}");

            String line = lines.poll(Agent.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(line).as("notification printed by the JavaScript client").isNotNull();
            JsonNode data = Json.MAPPER.readTree(line);
            assertThat(data.path("messageType").asText()).isEqualTo("CallStateChangeMessage");
            assertThat(data.path("notificationType").asText()).isEqualTo("StatusChange");
            assertThat(data.path("call").path("state").asText()).isEqualTo("Dialing");
            assertThat(data.path("call").path("userData").path("CustomerSegment").asText()).isEqualTo("Gold");
            assertThat(data.path("phoneNumber").asText()).isEqualTo("15001");
        } finally {
            node.destroyForcibly();
        }
    }

    /** docs/walkthrough-consult-transfer.md, step by step, with the listeners' --brief output it shows. */
    @org.junit.jupiter.api.Test
    void theConsultTransferWalkThrough_printsWhatTheDocumentShows() throws Exception {
        Process listener1 = listen("agent1");
        Process listener2 = listen("agent2");
        try {
            BlockingQueue<String> agent1Lines = connectedLines(listener1);
            BlockingQueue<String> agent2Lines = connectedLines(listener2);
            Agent agent1 = restOnly("agent1");
            Agent agent2 = restOnly("agent2");

            agent1.post("/me/devices/631608b3-ceb1-472b-ba05-2ae39555b0d1/calls",
                    "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5551212\"},\"userData\":{\"Case\":\"42\"}}");
            String call = expectLine(agent1Lines, "agent1: StatusChange Dialing {id} Outbound [5551212] {\"Case\":\"42\"}", null);
            expectLine(agent1Lines, "agent1: StatusChange Established {id} Outbound [5551212] {\"Case\":\"42\"}", call);

            agent1.perform(call, "InitiateTransfer", "'destination':{'phoneNumber':'15002'},'userData':{'Note':'wants a refund'}");
            expectLine(agent1Lines, "agent1: StatusChange Held {id} Outbound [5551212] {\"Case\":\"42\"}", call);
            String consult = expectLine(agent1Lines, "agent1: StatusChange Dialing {id} Consult [15002] {\"Note\":\"wants a refund\",\"Case\":\"42\"}", null);
            expectLine(agent2Lines, "agent2: StatusChange Ringing {id} Consult [15001] {\"Note\":\"wants a refund\",\"Case\":\"42\"}", consult);

            agent2.perform(consult, "Answer", "");
            expectLine(agent2Lines, "agent2: StatusChange Established {id} Consult [15001] {\"Note\":\"wants a refund\",\"Case\":\"42\"}", consult);
            expectLine(agent1Lines, "agent1: StatusChange Established {id} Consult [15002] {\"Note\":\"wants a refund\",\"Case\":\"42\"}", consult);
            expectLine(agent1Lines, "agent1: StatusChange Held {id} Outbound [5551212] {\"Case\":\"42\"}", call);

            agent1.perform(consult, "CompleteTransfer", "");
            expectLine(agent1Lines, "agent1: StatusChange Released {id} Consult [15002] {\"Note\":\"wants a refund\",\"Case\":\"42\"}", consult);
            expectLine(agent1Lines, "agent1: StatusChange Released {id} Outbound [5551212,15002] {\"Note\":\"wants a refund\",\"Case\":\"42\"}", call);
            expectLine(agent2Lines, "agent2: StatusChange Released {id} Consult [15001] {\"Note\":\"wants a refund\",\"Case\":\"42\"}", consult);
            expectLine(agent2Lines, "agent2: StatusChange Established {id} Outbound [5551212] {\"Note\":\"wants a refund\",\"Case\":\"42\"}", call);
            assertThat(agent1.get("/me/calls").body().path("uris")).isEmpty();
        } finally {
            listener1.destroyForcibly();
            listener2.destroyForcibly();
        }
    }

    /** docs/walkthrough-inbound-call.md, step by step, with the CLI customer and the listeners' output it shows. */
    @org.junit.jupiter.api.Test
    void theInboundCallWalkThrough_printsWhatTheDocumentShows() throws Exception {
        Process listener1 = listen("agent1");
        Process listener2 = listen("agent2");
        try {
            BlockingQueue<String> agent1Lines = connectedLines(listener1);
            BlockingQueue<String> agent2Lines = connectedLines(listener2);
            Agent agent1 = restOnly("agent1");
            Agent agent2 = restOnly("agent2");

            for (var agent : List.of(Map.entry(agent1, agent1Lines), Map.entry(agent2, agent2Lines))) {
                agent.getKey().operate("/me", "StartContactCenterSession", "'channels':['voice']");
                agent.getKey().operate("/me/channels/voice", "Ready", "");
                assertThat(agent.getValue().poll(Agent.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(agent.getKey().userName + ": DeviceStateChange NotReady");
                assertThat(agent.getValue().poll(Agent.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(agent.getKey().userName + ": DeviceStateChange Ready");
            }

            StringWriter out = new StringWriter();
            int exit = new CommandLine(new CallCommand()).setOut(new PrintWriter(out))
                    .execute("--server", server.local(), "--to", "8000", "--data", "Product=Guitars");
            assertThat(exit).as("dialtone call: %s", out).isZero();
            assertThat(out.toString()).matches("(?s)Customer 5551234 is calling 8000: call [0-9A-Z]{32} \\(connId [0-9a-f]{16}\\)\n.*");
            String call = expectLine(agent1Lines, "agent1: StatusChange Ringing {id} Inbound [5551234] {\"Product\":\"Guitars\"}", null);
            assertThat(out.toString()).contains(call);

            agent1.perform(call, "Answer", "");
            agent1.perform(call, "SingleStepTransfer", "'destination':{'phoneNumber':'15002'}");
            expectLine(agent1Lines, "agent1: StatusChange Established {id} Inbound [5551234] {\"Product\":\"Guitars\"}", call);
            expectLine(agent1Lines, "agent1: StatusChange Released {id} Inbound [5551234,15002] {\"Product\":\"Guitars\"}", call);
            expectLine(agent2Lines, "agent2: StatusChange Ringing {id} Inbound [5551234] {\"Product\":\"Guitars\"}", call);
            agent2.perform(call, "Answer", "");
            expectLine(agent2Lines, "agent2: StatusChange Established {id} Inbound [5551234] {\"Product\":\"Guitars\"}", call);

            assertThat(restOnly("admin").sim("/calls/" + call, "{\"operationName\":\"Hangup\"}").statusCode()).isZero();
            expectLine(agent2Lines, "agent2: StatusChange Released {id} Inbound [5551234] {\"Product\":\"Guitars\"}", call);
        } finally {
            listener1.destroyForcibly();
            listener2.destroyForcibly();
        }
    }

    private Process listen(String user) throws IOException {
        return new ProcessBuilder("node", "listen.mjs", server.local(), user, "demo", "--brief")
                .directory(EXAMPLE.toFile()).redirectErrorStream(true).start();
    }

    /** The next line must match the pattern, whose {id} is the given call id, or any id when null; returns the id. */
    private static String expectLine(BlockingQueue<String> lines, String pattern, String id) throws InterruptedException {
        String line = lines.poll(Agent.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(line).as("a line like %s", pattern).isNotNull();
        String[] around = pattern.split("\\{id\\}");
        assertThat(line).startsWith(around[0]).endsWith(around[1]);
        String actual = line.substring(around[0].length(), line.length() - around[1].length());
        assertThat(actual).matches("[0-9A-Z]{32}");
        if (id != null) {
            assertThat(actual).isEqualTo(id);
        }
        return actual;
    }

    /** The listener's lines, once it has said it is connected. */
    private static BlockingQueue<String> connectedLines(Process listener) throws InterruptedException {
        BlockingQueue<String> lines = readLines(listener);
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("# connected over long-polling");
        return lines;
    }

    private static BlockingQueue<String> readLines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
