package com.dialtone.switching.embedded;

import com.dialtone.switching.AgentState;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.UserData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An embedded switch with DNs 15001-15004, the demo's dial plan, a manual loop and an event recorder;
 * {@link #withRouting()} adds the routing point {@link #SALES}.
 */
class SwitchFixture {

    /** The demo contact centre's dial plan, as server/src/main/resources/dialtone-defaults.yaml has it. */
    static final DialPlan DEMO_PLAN = new DialPlan(
            FarEndBehaviour.answerAfter(java.time.Duration.ofSeconds(1)),
            java.util.Map.of("5550100", FarEndBehaviour.answerAfter(java.time.Duration.ZERO),
                    "5550186", FarEndBehaviour.busy(),
                    "5550187", FarEndBehaviour.noAnswer(),
                    "5550188", FarEndBehaviour.answerThenHangUp(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(3))),
            java.time.Duration.ofSeconds(30));

    static final String AGENT1 = "15001";
    static final String AGENT2 = "15002";
    static final String AGENT3 = "15003";
    static final String AGENT4 = "15004";
    static final String CUSTOMER = "5550100"; // a far end that answers at once
    static final String CALLER = "5557001"; // a simulated customer calling in
    static final String CALLER2 = "5557002";

    static final String SALES = "8000";
    /** Sales, taken by agents 15001-15003; 15003 wraps up for 10 s after a routed call. 15004 is left for supervisors. */
    static final RoutingPlan ROUTING = new RoutingPlan(
            List.of(new RoutingPlan.RoutingPoint(SALES, "Sales", List.of(AGENT1, AGENT2, AGENT3))),
            Duration.ofSeconds(15), Map.of(AGENT3, Duration.ofSeconds(10)));

    final ManualSwitchLoop loop = new ManualSwitchLoop();
    final SimulatedEndpoints endpoints = new SimulatedEndpoints(DEMO_PLAN);
    final EmbeddedSwitch sw;
    final EventRecorder recorder = new EventRecorder();

    SwitchFixture() {
        this(RoutingPlan.none());
    }

    SwitchFixture(RoutingPlan routing) {
        sw = new EmbeddedSwitch(Set.of(AGENT1, AGENT2, AGENT3, AGENT4), routing, endpoints, loop);
        sw.addListener(recorder);
    }

    static SwitchFixture withRouting() {
        return new SwitchFixture(ROUTING);
    }

    /** Logs the agents in and makes them ready, one after the other at the same moment. */
    void ready(String... dns) {
        for (String dn : dns) {
            done(sw.login(dn));
            done(sw.setAgentState(dn, AgentState.READY, null));
        }
    }

    /** A customer who stays on the line until someone hangs up calls {@code to}. */
    CallSnapshot customerCalls(String from, String to) {
        return done(sw.customerCall(from, to, UserData.empty(), CustomerBehaviour.stays()));
    }

    DnSnapshot dn(String dn) {
        return sw.dn(dn).orElseThrow();
    }

    /** The call ringing on the DN, if exactly one is. */
    java.util.Optional<CallSnapshot> ringingAt(String dn) {
        List<CallSnapshot> ringing = sw.callsAt(dn).stream()
                .filter(c -> c.party(dn).orElseThrow().state() == PartyState.RINGING).toList();
        if (ringing.size() > 1) {
            throw new AssertionError(dn + " rings with " + ringing.size() + " calls");
        }
        return ringing.stream().findFirst();
    }

    /** The ids of the calls waiting at the routing point, first in line first. */
    List<String> waitingAt(String routingPoint) {
        return sw.routingPoints().stream().filter(p -> p.number().equals(routingPoint)).findFirst().orElseThrow().waitingCallIds();
    }

    CallSnapshot dial(String from, String to) {
        return done(sw.dial(from, to, UserData.empty(), null));
    }

    /** An internal call from one DN to another, answered. */
    CallSnapshot connected(String from, String to) {
        CallSnapshot call = dial(from, to);
        done(sw.answer(call.id(), to));
        return call(call.id());
    }

    /** A call from the DN to a far end that answers at once: a customer on the line. */
    CallSnapshot withCustomer(String dn) {
        CallSnapshot call = dial(dn, CUSTOMER);
        loop.runDueTimers();
        return call(call.id());
    }

    PartyState stateOf(String callId, String number) {
        return call(callId).party(number).orElseThrow().state();
    }

    /** The numbers still in the call. */
    java.util.List<String> activeNumbers(String callId) {
        return call(callId).activeParties().stream().map(com.dialtone.switching.PartySnapshot::number).toList();
    }

    /** The manual loop runs a request before it returns, so its future is already complete. */
    static <T> T done(CompletableFuture<T> future) {
        if (!future.isDone()) {
            throw new AssertionError("request did not complete on the manual loop");
        }
        return future.join();
    }

    CallSnapshot call(String id) {
        return sw.call(id).orElseThrow(() -> new AssertionError("no live call " + id));
    }
}
