package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dialtone.server.http.Json;
import com.dialtone.server.ScenarioCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Scenarios over {@code /sim/scenarios} and {@code dialtone scenario}, against a real server, with a desktop-like agent. */
class ScenarioApiTest extends EndToEndTest {

    private static final String ONE_CALLER = """
            name: one caller
            customers:
              - to: "8000"
                from: "5550142"
                at: 0s
                data: {Account: "42"}
                behaviour:
                  dtmf: [{after: 300ms, digits: "4711#"}]
                  talkFor: 1s
            """;

    @Test
    void aScenarioCustomer_ringsTheDesktop_keysDigits_hangsUp_andTheReportSaysSo() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        agent1.startSessionAndBeReady();
        Agent admin = restOnly("admin");

        Response started = admin.sim("/scenarios", yaml(ONE_CALLER, "one.yaml"));
        assertThat(started.status()).as("%s", started.body()).isEqualTo(200);
        String run = started.body().path("run").path("id").asText();

        JsonNode ringing = agent1.expectCall("StatusChange", "Ringing");
        assertThat(ringing.path("callType").asText()).isEqualTo("Inbound");
        assertThat(ringing.path("ani").asText()).isEqualTo("5550142");
        assertThat(ringing.path("userData").path("Account").asText()).isEqualTo("42");
        String id = ringing.path("id").asText();
        agent1.perform(id, "Answer", "");
        agent1.expectCall(id, "StatusChange", "Established");
        JsonNode dtmf = next(agent1, "DtmfSent");
        assertThat(dtmf.path("extensions").path("DTMFDigits").asText()).isEqualTo("4711#");
        assertThat(dtmf.path("extensions").path("DTMFSender").asText()).isEqualTo("5550142");
        next(agent1, "StatusChange");

        JsonNode report = finished(admin, run);
        JsonNode customer = report.path("customers").get(0);
        assertThat(customer.path("outcome").asText()).isEqualTo("answered");
        assertThat(customer.path("callId").asText()).isEqualTo(id);
        assertThat(customer.path("answeredBy").toString()).isEqualTo("[\"15001\"]");
        assertThat(customer.path("endedBy").asText()).isEqualTo("customer");
        assertThat(customer.path("talked").asDouble()).isBetween(1.0, 3.0);
        assertThat(report.path("totals").path("answered").asInt()).isEqualTo(1);
        assertThat(admin.simGet("/scenarios").body().path("runs").get(0).path("state").asText()).isEqualTo("finished");
    }

    @Test
    void onlyAdministratorsRunScenarios_andABadFileIsRefusedWithItsLine_startingNothing() throws Exception {
        Agent agent1 = restOnly("agent1");
        Response refused = agent1.sim("/scenarios", yaml(ONE_CALLER, "one.yaml"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.statusCode()).isEqualTo(5);
        assertThat(agent1.simGet("/scenarios").status()).isEqualTo(403);

        Agent admin = restOnly("admin");
        Response bad = admin.sim("/scenarios", yaml("customers:\n  - to: '8000'\n    at: soon\n", "bad.yaml"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.statusCode()).isEqualTo(10);
        assertThat(bad.statusMessage()).startsWith("bad.yaml, line 3 (customers[0].at): 'at' must be a duration");
        Response neither = admin.sim("/scenarios", "{}");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.statusCode()).isEqualTo(1);
        assertThat(admin.simGet("/scenarios").body().path("runs")).isEmpty();
        assertThat(admin.simGet("/scenarios/9").status()).isEqualTo(404);
        assertThat(admin.sim("/scenarios/9", "{\"operationName\":\"Stop\"}").status()).isEqualTo(404);
        assertThat(admin.simGet("/routing-points").body().path("routingPoints").get(0).path("waitingCalls")).isEmpty();
    }

    @Test
    void stoppingARun_hangsUpWhoIsWaiting_andNobodyElseCalls() throws Exception {
        Agent admin = restOnly("admin");
        String run = admin.sim("/scenarios", Json.MAPPER.writeValueAsString(Map.of("scenario", Map.of("customers", java.util.List.of(
                Map.of("to", "8000", "at", java.util.List.of("0s", "1h")))))))
                .body().path("run").path("id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.simGet("/routing-points").body().path("routingPoints").get(0).path("waitingCalls").size() == 1);

        Response stopped = admin.sim("/scenarios/" + run, "{\"operationName\":\"Stop\"}");
        assertThat(stopped.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> admin.simGet("/routing-points").body().path("routingPoints").get(0).path("waitingCalls").isEmpty());
        JsonNode report = admin.simGet("/scenarios/" + run).body().path("run");
        assertThat(report.path("state").asText()).isEqualTo("stopped");
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.simGet("/scenarios/" + run).body().path("run").path("customers").get(0)
                .path("outcome").asText().equals("abandoned"));
        assertThat(report.path("customers").get(1).path("outcome").asText()).isEqualTo("notCalled");
    }

    @Test
    void theCommandLine_runsAFileToItsEnd_andPrintsTheReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gives-up.yaml");
        Files.writeString(file, "name: gives up\ncustomers:\n  - {to: '8000', from: '5550999', at: 0s, behaviour: {abandonAfter: 1s}}\n");
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ScenarioCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
                .execute("run", file.toString(), "--server", server.local());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Run 1 of 'gives up': 1 customers", "5550999 calls 8000", "5550999 abandons after waiting 1.0s",
                "Totals: 1 customers, 0 answered, 1 abandoned, 0 unanswered, 0 refused; average wait (answered) 0.0s");

        Files.writeString(file, "customers:\n  - to: '8000'\n    rate: {every: 1s}\n");
        StringWriter checked = new StringWriter();
        int bad = new CommandLine(new ScenarioCommand()).setOut(new PrintWriter(checked)).setErr(new PrintWriter(checked)).execute("check", file.toString());
        assertThat(bad).isEqualTo(2);
        assertThat(checked.toString()).contains("gives-up.yaml, line 2 (customers[0]): a rate needs 'count' or 'for'");
    }

    private static String yaml(String text, String source) throws Exception {
        return Json.MAPPER.writeValueAsString(Map.of("yaml", text, "source", source));
    }

    private static JsonNode next(Agent agent, String notificationType) {
        JsonNode message = agent.next();
        assertThat(message.path("notificationType").asText()).as("%s", message).isEqualTo(notificationType);
        return message;
    }

    private static JsonNode finished(Agent admin, String run) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !admin.simGet("/scenarios/" + run).body().path("run").path("state").asText().equals("running"));
        JsonNode report = admin.simGet("/scenarios/" + run).body().path("run");
        assertThat(report.path("state").asText()).isEqualTo("finished");
        return report;
    }
}
