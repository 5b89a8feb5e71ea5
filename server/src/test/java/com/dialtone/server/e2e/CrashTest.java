package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The durability promise, proven the hard way: {@code dialtone serve} in its own process, agents calling
 * as fast as they can, {@code kill -9} in the middle, a restart on the same data. Every call whose
 * {@code Released} notification reached an agent is in the history, and every provisioning change that
 * returned {@code statusCode} 0 is there.
 */
class CrashTest {

    private static final int AGENTS = 4;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path data;

    @AfterEach
    void cleanUp() throws Exception {
        java.util.Collections.reverse(open);
        for (AutoCloseable closeable : open) {
            try {
                closeable.close();
            } catch (Exception | AssertionError e) {
                // the server was killed under it
            }
        }
        if (data != null) {
            GwsServer.deleteRecursively(data);
        }
    }

    @Test
    void killedWithSigkill_theServerComesBackWithEveryDeliveredCall_andEveryProvisioningChange() throws Exception {
        data = Files.createTempDirectory("dialtone-crash");
        ServerProcess first = keep(ServerProcess.start(data));

        // Provisioning, each change acknowledged with statusCode 0 just before the crash.
        Agent admin = Agent.restOnly(first, "admin");
        String userId = created(admin.post("/users", "{\"userName\":\"crash1\",\"password\":\"s3cret-crash\",\"firstName\":\"Cara\","
                + "\"lastName\":\"Sh\",\"roles\":[\"ROLE_AGENT\"],\"routingPoints\":[\"8000\"]}"));
        String deviceId = created(admin.post("/users/" + userId + "/devices", "{\"phoneNumber\":\"16001\"}"));
        assertThat(put(admin, "/users/" + userId, "{\"lastName\":\"Changed\"}").body().path("statusCode").asInt()).isZero();
        String agent20 = Provision.userId(admin, "agent20");
        assertThat(admin.send(HttpRequest.newBuilder(URI.create(first.api("/users/" + agent20))).DELETE()).body().path("statusCode").asInt())
                .isZero();

        // Agents call in a loop: Dial a number that answers at once, hang up on Established, again on Released.
        Set<String> delivered = concurrentSet();
        AtomicBoolean crashed = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(AGENTS * 10);
        ConcurrentLinkedQueue<Throwable> failuresBeforeTheCrash = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 1; i <= AGENTS; i++) {
            Agent agent = keep(Agent.login(first, "agent" + i, Transport.LONG_POLLING));
            Thread caller = new Thread(() -> {
                try {
                    while (!crashed.get()) {
                        String id = agent.dial("5550100").path("id").asText();
                        agent.expectCall(id, "StatusChange", "Established");
                        agent.perform(id, "Hangup", "");
                        agent.expectCall(id, "StatusChange", "Released");
                        delivered.add(id);
                        enough.countDown();
                    }
                } catch (Throwable e) {
                    if (!crashed.get()) {
                        failuresBeforeTheCrash.add(e);
                    }
                }
            }, "caller-" + i);
            caller.start();
            callers.add(caller);
        }
        assertThat(enough.await(60, TimeUnit.SECONDS)).as("%s calls completed", delivered.size()).isTrue();
        crashed.set(true);
        first.killHard(); // calls are still being made at this moment
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(15));
        }
        assertThat(failuresBeforeTheCrash).isEmpty();
        Set<String> deliveredBeforeTheCrash = Set.copyOf(delivered);

        ServerProcess second = keep(ServerProcess.start(data));
        Agent auditor = Agent.restOnly(second, "admin");
        assertThat(historyIds(auditor)).as("calls whose Released was delivered before kill -9").containsAll(deliveredBeforeTheCrash);

        JsonNode user = auditor.get("/users/" + userId + "?subresources=devices").body().path("user");
        assertThat(user.path("userName").asText()).isEqualTo("crash1");
        assertThat(user.path("lastName").asText()).isEqualTo("Changed");
        assertThat(user.path("devices").findValuesAsText("id")).containsExactly(deviceId);
        assertThat(auditor.get("/users/" + agent20).status()).isEqualTo(404);
        Agent crash1 = keep(Agent.withPassword(second, "crash1", "s3cret-crash", "s3cret-crash"));
        assertThat(crash1.dn).isEqualTo("16001");
        Response dialled = crash1.post("/me/devices/" + deviceId + "/calls", "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5550100\"}}");
        assertThat(dialled.body().path("statusCode").asInt()).as("%s", dialled.body()).isZero();
        assertThat(crash1.get("/me/calls?fields=*").body().path("calls")).as("the restarted server's switch has the stored DN").hasSize(1);
    }

    @Test
    void aSecondServerOnTheSameDataFolder_isRefusedWithAClearMessage() throws Exception {
        data = Files.createTempDirectory("dialtone-crash");
        keep(ServerProcess.start(data));
        assertThatThrownBy(() -> ServerProcess.start(data)).hasMessageContaining("dialtone: cannot open the database (H2 in " + data.toRealPath())
                .hasMessageContaining("the data folder is in use by another running Dialtone");
    }

    private static Set<String> historyIds(Agent admin) {
        Set<String> ids = new HashSet<>();
        for (int offset = 0; ; offset += 100) {
            JsonNode page = admin.get("/call-history?limit=100&offset=" + offset).body();
            assertThat(page.path("statusCode").asInt()).as("%s", page).isZero();
            page.path("calls").forEach(call -> ids.add(call.path("id").asText()));
            if (offset + 100 >= page.path("totalCount").asInt()) {
                return ids;
            }
        }
    }

    private static String created(Response response) {
        assertThat(response.body().path("statusCode").asInt()).as("%s", response.body()).isZero();
        return response.body().path("id").asText();
    }

    private static Response put(Agent agent, String path, String json) {
        return agent.send(HttpRequest.newBuilder(URI.create(agent.server.api(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Set<String> concurrentSet() {
        return java.util.concurrent.ConcurrentHashMap.newKeySet();
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }
}
