package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dialtone.server.http.Json;
import com.dialtone.server.storage.TestDatabase;
import com.dialtone.switching.embedded.ThreadSwitchLoop;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The probes a load balancer uses (docs/operations.md, "Health"), without login: live while the process
 * serves HTTP; ready only while the database and the switch answer, with 503 and the part that is down
 * otherwise, and ready again once it is back.
 */
class HealthTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient anonymous = HttpClient.newHttpClient();

    @Test
    void aStartedServer_isLiveAndReady_withoutLogin() throws Exception {
        try (GwsServer server = GwsServer.start()) {
            HttpResponse<String> live = get(server, "/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(live.body()).path("status").asText()).isEqualTo("UP");
            HttpResponse<String> ready = get(server, "/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = Json.MAPPER.readTree(ready.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("checks").path("database").asText()).isEqualTo("UP");
            assertThat(body.path("checks").path("switch").asText()).isEqualTo("UP");
            assertThat(get(server, "/health/nothing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void withoutItsDatabase_theServerIsLiveButNotReady_andReadyAgainOnceItIsBack() throws Exception {
        try (TestDatabase.Fresh fresh = TestDatabase.POSTGRESQL.create(); GwsServer server = GwsServer.startOn(fresh.settings())) {
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);
            String name = fresh.settings().url().substring(fresh.settings().url().lastIndexOf('/') + 1);
            String admin = fresh.settings().url().substring(0, fresh.settings().url().lastIndexOf('/') + 1) + "postgres";
            try (Connection connection = DriverManager.getConnection(admin, fresh.settings().user(), fresh.settings().password());
                 Statement statement = connection.createStatement()) {
                // The database goes away: no new connections, and the server's are cut.
                statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
                await().atMost(WAIT).untilAsserted(() -> {
                    HttpResponse<String> ready = get(server, "/health/ready");
                    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
                    JsonNode body = Json.MAPPER.readTree(ready.body());
                    assertThat(body.path("status").asText()).isEqualTo("DOWN");
                    assertThat(body.path("checks").path("database").asText()).startsWith("DOWN");
                    assertThat(body.path("checks").path("switch").asText()).isEqualTo("UP");
                });
                assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);

                statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
                await().atMost(WAIT).untilAsserted(() -> assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200));
            }
        }
    }

    @Test
    void whenTheSwitchHasStopped_theServerIsNotReady() throws Exception {
        ThreadSwitchLoop loop = new ThreadSwitchLoop();
        try (GwsServer server = GwsServer.onClock(loop)) {
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);
            loop.close();
            HttpResponse<String> ready = get(server, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(Json.MAPPER.readTree(ready.body()).path("checks").path("switch").asText()).isEqualTo("DOWN: the switch is stopped");
            assertThat(Json.MAPPER.readTree(ready.body()).path("checks").path("database").asText()).isEqualTo("UP");
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(GwsServer server, String path) throws Exception {
        return anonymous.send(HttpRequest.newBuilder(URI.create(server.local() + path)).GET().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
