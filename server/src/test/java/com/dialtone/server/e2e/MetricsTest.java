package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} as Prometheus scrapes it (docs/operations.md, "Metrics"): for administrators only, in
 * Prometheus's text format, and the numbers move when a call is made.
 */
class MetricsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAdministratorScrapes_andTheNumbersMoveAfterACall() throws Exception {
        try (GwsServer server = GwsServer.start()) {
            HttpResponse<String> before = scrape(server, "admin");
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(before.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(before.body()).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "jetty_threads_busy",
                    "process_uptime_seconds", "dialtone_calls_active 0.0");
            double startedBefore = value(before.body(), "dialtone_calls_started_total\\{type=\"OUTBOUND\"}");

            Agent agent = Agent.login(server, "agent1", Transport.LONG_POLLING);
            try {
                String id = agent.callWithCustomer();
                String during = scrape(server, "admin").body();
                assertThat(value(during, "dialtone_calls_active")).isEqualTo(1.0);
                assertThat(value(during, "dialtone_calls_started_total\\{type=\"OUTBOUND\"}")).isEqualTo(startedBefore + 1);
                agent.perform(id, "Hangup", "");
                agent.expectCall(id, "StatusChange", "Released");
            } finally {
                agent.close();
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String after = scrape(server, "admin").body();
                assertThat(value(after, "dialtone_calls_active")).isZero();
                assertThat(value(after, "dialtone_calls_ended_total")).isEqualTo(1.0);
                // The Dial as a route and an operation, with its latency histogram; never a raw path with an id.
                assertThat(value(after, "dialtone_http_requests_seconds_count\\{method=\"POST\",operation=\"Dial\","
                        + "route=\"/api/v2/me/devices/\\{id}/calls\",status=\"200\"}")).isEqualTo(1.0);
                assertThat(after).containsPattern("dialtone_http_requests_seconds_bucket\\{method=\"POST\",operation=\"Dial\",.*le=\"0\\.1\"}");
                assertThat(value(after, "dialtone_http_requests_seconds_count\\{method=\"POST\",operation=\"Hangup\","
                        + "route=\"/api/v2/me/calls/\\{id}\",status=\"200\"}")).isEqualTo(1.0);
                assertThat(after).doesNotContain("route=\"/api/v2/me/calls/" + "RB");
            });
        }
    }

    @Test
    void agentsAndAnonymousClientsAreRefused() throws Exception {
        try (GwsServer server = GwsServer.start()) {
            HttpResponse<String> agent = scrape(server, "agent1");
            assertThat(agent.statusCode()).isEqualTo(403);
            assertThat(agent.body()).contains("\"statusCode\":5").doesNotContain("jvm_");
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(server.local() + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(anonymous.body()).doesNotContain("jvm_");
        }
    }

    private HttpResponse<String> scrape(GwsServer server, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.local() + "/metrics")).header("Authorization", Agent.basic(user, "demo"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the one sample whose name and labels match (a regex); 0 when there is none. */
    private static double value(String scrape, String sample) {
        Matcher matcher = Pattern.compile("(?m)^" + sample + " ([0-9.eE+-]+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
