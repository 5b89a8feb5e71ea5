package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 1: agents make calls while a proxy between their CometD clients and the server cuts connections at
 * random. Clients with CometD's acknowledgement extension (the Java AckExtension, the JavaScript AckExtension.js)
 * lose no notification; clients without it may lose some, and recover the right state with GET. What each agent
 * should have received is known exactly: every notification its own uncut session got, in order.
 */
class NotificationsAcrossCutsTest extends EndToEndTest {

    private static final int PAIRS = 4;
    private static final int CALLS_PER_PAIR = 20;
    /** A fast machine makes the calls before many cuts: go on calling until this many connections were cut. */
    private static final int MIN_CUTS = 21;
    private static final int MAX_CALLS_PER_PAIR = 400;
    static final Path EXAMPLE = Path.of("..", "examples", "cometd-js").toAbsolutePath().normalize();

    @Test
    void ackClientsLoseNothing_andEveryCallEndsRightForAll() throws Exception {
        long seed = System.nanoTime();
        System.out.println("NotificationsAcrossCutsTest seed " + seed);
        JavaScriptClientTest.installExample();
        try (CuttingProxy proxy = new CuttingProxy(server.local())) {
            List<Agent> agents = new ArrayList<>();
            Map<String, Listener> acked = new ConcurrentHashMap<>();
            Map<String, Listener> plain = new ConcurrentHashMap<>();
            for (int i = 1; i <= 2 * PAIRS; i++) {
                Agent agent = login("agent" + i, Transport.LONG_POLLING);
                agents.add(agent);
                Transport transport = i % 2 == 0 ? Transport.WEBSOCKET : Transport.LONG_POLLING;
                acked.put(agent.userName, new Listener(agent, proxy.address(), transport, true, "/v2/me/calls"));
                plain.put(agent.userName, new Listener(agent, proxy.address(), transport, false, "/v2/me/calls"));
            }
            Process jsLongPolling = node(proxy, "agent1", "long-polling");
            Process jsWebsocket = node(proxy, "agent2", "websocket");
            List<String> jsLines1 = lines(jsLongPolling);
            List<String> jsLines2 = lines(jsWebsocket);
            await().atMost(Duration.ofSeconds(10)).until(() -> jsLines1.contains("# connected over long-polling")
                    && jsLines2.contains("# connected over websocket"));
            try {
                Map<String, List<String>> truth = new ConcurrentHashMap<>();
                agents.forEach(a -> truth.put(a.userName, new CopyOnWriteArrayList<>()));

                proxy.cutAtRandom(new Random(seed), 60);
                ExecutorService drivers = Executors.newFixedThreadPool(PAIRS);
                List<Future<Integer>> done = new ArrayList<>();
                for (int p = 0; p < PAIRS; p++) {
                    Agent caller = agents.get(2 * p);
                    Agent callee = agents.get(2 * p + 1);
                    done.add(drivers.submit(() -> {
                        int calls = 0;
                        while (calls < CALLS_PER_PAIR || (proxy.cuts() < MIN_CUTS && calls < MAX_CALLS_PER_PAIR)) {
                            oneCall(caller, callee, truth);
                            calls++;
                        }
                        return calls;
                    }));
                }
                List<Integer> callsPerPair = new ArrayList<>();
                for (Future<Integer> f : done) {
                    callsPerPair.add(f.get());
                }
                drivers.shutdown();
                proxy.stopCutting();
                System.out.printf("NotificationsAcrossCutsTest: %d connections, %d cut%n", proxy.accepted(), proxy.cuts());
                assertThat(proxy.cuts()).as("connections were cut during the run").isGreaterThanOrEqualTo(MIN_CUTS);

                // 0 lost for the ack clients: each has all of its user's notifications, in order, once cuts stop.
                for (int i = 0; i < agents.size(); i++) {
                    Agent agent = agents.get(i);
                    List<String> expected = truth.get(agent.userName);
                    assertThat(expected).hasSize(3 * callsPerPair.get(i / 2));
                    Listener listener = acked.get(agent.userName);
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                            assertThat(distinct(keys(listener.received))).as("%s with the ack extension", agent.userName)
                                    .containsExactlyElementsOf(expected));
                    assertThat(listener.handshakes).as("%s kept its session", agent.userName).hasValue(1);
                    assertThat(agent.pending()).as("%s's uncut session", agent.userName).isZero();
                }
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(distinct(jsKeys(jsLines1))).as("JS client with AckExtension.js, long-polling")
                            .containsExactlyElementsOf(truth.get("agent1"));
                    assertThat(distinct(jsKeys(jsLines2))).as("JS client with AckExtension.js, websocket")
                            .containsExactlyElementsOf(truth.get("agent2"));
                });

                // The others may have lost some; what they recover with GET is right: every call ended.
                int lost = 0;
                for (Agent agent : agents) {
                    List<String> got = distinct(keys(plain.get(agent.userName).received));
                    assertThat(truth.get(agent.userName)).as("%s without ack: nothing invented", agent.userName).containsAll(got);
                    lost += truth.get(agent.userName).size() - got.size();
                    Response me = agent.get("/me?subresources=*");
                    assertThat(me.status()).isEqualTo(200);
                    assertThat(agent.get("/me/calls").body().path("uris")).as("%s has no call left", agent.userName).isEmpty();
                }
                System.out.printf("NotificationsAcrossCutsTest: clients without the ack extension lost %d of %d notifications%n",
                        lost, truth.values().stream().mapToInt(List::size).sum());
            } finally {
                jsLongPolling.destroy();
                jsWebsocket.destroy();
                acked.values().forEach(Listener::close);
                plain.values().forEach(Listener::close);
            }
        }
    }

    private static void oneCall(Agent caller, Agent callee, Map<String, List<String>> truth) {
        String id = caller.dial(callee.dn).path("id").asText();
        truth.get(caller.userName).add(id + " StatusChange Dialing");
        callee.expectCall(id, "StatusChange", "Ringing");
        truth.get(callee.userName).add(id + " StatusChange Ringing");
        callee.perform(id, "Answer", "");
        callee.expectCall(id, "StatusChange", "Established");
        truth.get(callee.userName).add(id + " StatusChange Established");
        caller.expectCall(id, "StatusChange", "Established");
        truth.get(caller.userName).add(id + " StatusChange Established");
        caller.perform(id, "Hangup", "");
        caller.expectCall(id, "StatusChange", "Released");
        truth.get(caller.userName).add(id + " StatusChange Released");
        callee.expectCall(id, "StatusChange", "Released");
        truth.get(callee.userName).add(id + " StatusChange Released");
    }

    private static List<String> keys(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("call").path("id").asText() + " " + m.path("notificationType").asText() + " "
                + m.path("call").path("state").asText()).toList();
    }

    /** "agent1: StatusChange Dialing <id> ..." lines of listen.mjs --brief, as keys. */
    private static List<String> jsKeys(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("#")).map(l -> l.split(" "))
                .filter(w -> w.length >= 4).map(w -> w[3] + " " + w[1] + " " + w[2]).toList();
    }

    /** At least once may mean twice: an unacknowledged batch is sent again. */
    private static List<String> distinct(List<String> keys) {
        return new ArrayList<>(new LinkedHashSet<>(keys));
    }

    static Process node(CuttingProxy proxy, String user, String transport) throws IOException {
        return new ProcessBuilder("node", "listen.mjs", proxy.url(), user, "demo", transport, "--brief", "--ack")
                .directory(EXAMPLE.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    static List<String> lines(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("# read failed: " + e);
            }
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
