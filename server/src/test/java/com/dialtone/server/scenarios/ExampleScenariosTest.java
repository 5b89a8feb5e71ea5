package com.dialtone.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.UserData;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each example in examples/scenarios, run on the demo contact centre's switch with time moved by hand and
 * agents played by the test: what a desktop developer running it would see happen.
 */
class ExampleScenariosTest {

    @Test
    void morningRush_threeSalesAgentsCannotKeepUp_soSomeAbandonAfterThreeMinutes_andEveryoneIsAccountedFor() {
        Lab lab = new Lab(Duration.ofSeconds(3)).ready("15001", "15002", "15003");
        String id = lab.run("morning-rush.yaml");

        lab.loop.advance(Duration.ofMinutes(30));

        JsonNode report = lab.report(id);
        JsonNode totals = report.path("totals");
        assertThat(report.path("state").asText()).isEqualTo("finished");
        assertThat(lab.customers(report, "waiting at opening")).hasSize(6);
        int customers = totals.path("customers").asInt();
        assertThat(customers).as("six waiting, then about 4 a minute for 15 minutes").isBetween(40, 90);
        assertThat(totals.path("answered").asInt() + totals.path("abandoned").asInt()).isEqualTo(customers);
        assertThat(totals.path("abandoned").asInt()).as("three agents, two minutes a call, four calls a minute").isPositive();
        assertThat(totals.path("longestWait").asDouble()).isLessThanOrEqualTo(180.0);
        assertThat(totals.path("averageWait").asDouble()).isGreaterThanOrEqualTo(3.0);
        for (JsonNode customer : lab.customers(report, null)) {
            if (customer.path("outcome").asText().equals("answered")) {
                assertThat(customer.path("answeredBy").get(0).asText()).isIn("15001", "15002", "15003");
                assertThat(customer.path("offeredTo").get(0).asText()).isIn("15001", "15002", "15003");
                assertThat(customer.path("talked").asDouble()).isIn(90.0, 120.0);
            } else {
                assertThat(customer.path("outcome").asText()).isEqualTo("abandoned");
                assertThat(customer.path("waited").asDouble()).isEqualTo(180.0);
                assertThat(customer.path("endedBy").asText()).isEqualTo("customer");
            }
        }
        assertThat(lab.sw.callCount()).isZero();
        // the same seed gives the same customers: a run can be repeated
        Lab again = new Lab(Duration.ofSeconds(3)).ready("15001", "15002", "15003");
        String second = again.run("morning-rush.yaml");
        again.loop.advance(Duration.ofMinutes(30));
        assertThat(withoutCallIds(again.report(second))).isEqualTo(withoutCallIds(report));
    }

    @Test
    void accountNumber_theAgentGetsTheDigitsTwoAndFourSecondsAfterAnswering_thenTheCallerHangsUp() {
        Lab lab = new Lab(Duration.ofSeconds(1)).ready("15011");
        String id = lab.run("account-number.yaml");

        lab.loop.advance(Duration.ofMinutes(1));

        List<CallEvent.DtmfSent> digits = new ArrayList<>();
        lab.events.stream().filter(e -> e instanceof CallEvent.DtmfSent).forEach(e -> digits.add((CallEvent.DtmfSent) e));
        assertThat(digits).extracting(CallEvent.DtmfSent::digits).containsExactly("4711", "0815#");
        assertThat(digits).allSatisfy(d -> {
            assertThat(d.dn()).isEqualTo("15011");
            assertThat(d.sender()).isEqualTo("5550142");
            assertThat(d.call().userData().asMap()).containsEntry("IVR", "AccountLookup");
        });
        JsonNode customer = lab.report(id).path("customers").get(0);
        assertThat(customer.path("outcome").asText()).isEqualTo("answered");
        assertThat(customer.path("waited").asDouble()).isEqualTo(1.0);
        assertThat(customer.path("talked").asDouble()).isEqualTo(30.0);
        assertThat(lab.report(id).path("timeline").toString()).contains("5550142 keys 4711", "5550142 keys 0815#");
    }

    @Test
    void abandons_withNobodyReady_everyCallerGivesUpAsTold() {
        Lab lab = new Lab(Duration.ofSeconds(1));
        String id = lab.run("abandons.yaml");

        lab.loop.advance(Duration.ofSeconds(49));
        assertThat(lab.report(id).path("state").asText()).isEqualTo("running");
        assertThat(lab.sw.routingPoints().get(0).waitingCallIds()).as("called at 30 s and 40 s, and the one who hangs up at 50 s").hasSize(3);
        lab.loop.advance(Duration.ofSeconds(20));
        assertThat(lab.report(id).path("state").asText()).as("the last, called at 50 s, is still waiting").isEqualTo("running");
        lab.loop.advance(Duration.ofSeconds(1));

        JsonNode report = lab.report(id);
        assertThat(report.path("state").asText()).isEqualTo("finished");
        assertThat(lab.customers(report, "impatient")).hasSize(6).allSatisfy(c -> {
            assertThat(c.path("outcome").asText()).isEqualTo("abandoned");
            assertThat(c.path("waited").asDouble()).isEqualTo(20.0);
        });
        assertThat(lab.customers(report, "impatient")).extracting(c -> c.path("calledAt").asDouble())
                .containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(lab.customers(report, "hangs up whatever happens")).singleElement()
                .satisfies(c -> assertThat(c.path("waited").asDouble()).isEqualTo(45.0));
        JsonNode totals = report.path("totals");
        assertThat(totals.path("abandoned").asInt()).isEqualTo(7);
        assertThat(totals.path("answered").asInt()).isZero();
        assertThat(totals.path("longestWait").asDouble()).isEqualTo(45.0);
        assertThat(lab.sw.routingPoints().get(0).waitingCallIds()).isEmpty();
    }

    @Test
    void transferHeavyHour_supportTransfersToSales_andTheCallbackNumberIsBusyOnlyWhileTheRunLasts() {
        List<String> callbacks = new ArrayList<>();
        Lab lab = new Lab(Duration.ofSeconds(2))
                .ready((l, answered) -> {
                    CallSnapshot call = answered.call();
                    if ("8000".equals(call.userData().asMap().get("TransferTo"))) {
                        l.loop.schedule(Duration.ofSeconds(20), () -> l.sw.singleStepTransfer(call.id(), answered.dn(), "8000", UserData.empty(), null));
                    } else if ("CallbackRequested".equals(call.userData().asMap().get("Reason"))) {
                        // the agent promises a callback, hangs up, and calls the customer back
                        l.loop.schedule(Duration.ofSeconds(10), () -> l.sw.release(call.id(), answered.dn())
                                .thenCompose(released -> l.sw.dial(answered.dn(), call.ani(), UserData.empty(), null))
                                .thenAccept(callback -> callbacks.add(callback.id())));
                    }
                }, "15011", "15012", "15013", "15014")
                .ready("15001", "15002", "15003", "15004", "15005");
        String id = lab.run("transfer-heavy-hour.yaml");

        lab.loop.advance(Duration.ofMinutes(75));

        JsonNode report = lab.report(id);
        assertThat(report.path("state").asText()).isEqualTo("finished");
        List<JsonNode> forSales = lab.customers(report, "for Sales");
        assertThat(forSales).hasSize(60).allSatisfy(c -> {
            assertThat(c.path("outcome").asText()).isEqualTo("answered");
            assertThat(c.path("answeredBy")).hasSize(2);
            assertThat(c.path("answeredBy").get(0).asText()).startsWith("1501");
            assertThat(c.path("answeredBy").get(1).asText()).startsWith("1500");
        });
        assertThat(lab.customers(report, "stays with Support")).hasSize(40)
                .allSatisfy(c -> assertThat(c.path("answeredBy")).hasSize(1));
        assertThat(callbacks).hasSize(2);
        assertThat(lab.events).filteredOn(e -> e instanceof CallEvent.PartyStateChanged p && p.cause() == ReleaseCause.BUSY
                && callbacks.contains(e.call().id())).hasSize(2);

        // the run is over: the number answers again (the dial plan's default: after 1 s)
        CallSnapshot later = lab.sw.dial("15011", "5550901", UserData.empty(), null).join();
        lab.loop.advance(Duration.ofSeconds(1));
        assertThat(lab.sw.call(later.id()).orElseThrow().party("5550901").orElseThrow().state())
                .isEqualTo(com.dialtone.switching.PartyState.ESTABLISHED);
    }

    private static List<JsonNode> withoutCallIds(JsonNode report) {
        List<JsonNode> customers = new ArrayList<>();
        report.path("customers").forEach(c -> customers.add(((com.fasterxml.jackson.databind.node.ObjectNode) c.deepCopy()).without("callId")));
        return customers;
    }
}
