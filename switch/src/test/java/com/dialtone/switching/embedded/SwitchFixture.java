package com.dialtone.switching.embedded;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.UserData;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** An embedded switch with DNs 15001-15004, the demo's dial plan, a manual loop and an event recorder. */
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

    final ManualSwitchLoop loop = new ManualSwitchLoop();
    final EmbeddedSwitch sw = new EmbeddedSwitch(Set.of(AGENT1, AGENT2, AGENT3, AGENT4), DEMO_PLAN, loop);
    final EventRecorder recorder = new EventRecorder();

    SwitchFixture() {
        sw.addListener(recorder);
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
