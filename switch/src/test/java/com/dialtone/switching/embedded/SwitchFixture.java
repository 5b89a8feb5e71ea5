package com.dialtone.switching.embedded;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.UserData;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** An embedded switch with DNs 15001-15003, the demo dial plan, a manual loop and an event recorder. */
class SwitchFixture {

    static final String AGENT1 = "15001";
    static final String AGENT2 = "15002";
    static final String AGENT3 = "15003";

    final ManualSwitchLoop loop = new ManualSwitchLoop();
    final EmbeddedSwitch sw = new EmbeddedSwitch(Set.of(AGENT1, AGENT2, AGENT3), DialPlan.demo(), loop);
    final EventRecorder recorder = new EventRecorder();

    SwitchFixture() {
        sw.addListener(recorder);
    }

    CallSnapshot dial(String from, String to) {
        return done(sw.dial(from, to, UserData.empty(), null));
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
