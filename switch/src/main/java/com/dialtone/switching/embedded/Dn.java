package com.dialtone.switching.embedded;

import com.dialtone.switching.AgentState;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.endpoint.Endpoint;
import java.time.Instant;

/**
 * A DN's own state, apart from its calls: the agent logged in on it, its features, and what the ACD and
 * supervision need to remember about it. Confined to the switch loop, except {@link #latest()}, which
 * any thread may read.
 */
final class Dn {

    private final String number;
    private final Endpoint endpoint;
    private AgentState agentState = AgentState.LOGGED_OUT;
    private Instant agentStateSince;
    private Instant wrapUpEndsAt;
    private SwitchLoop.Timer wrapUpTimer;
    private boolean doNotDisturb;
    private String forwardTo;
    private Monitoring monitoring;
    /** The call this DN's supervisor is in to monitor, or null. */
    private Call monitoredCall;
    /** The last call this DN's supervisor joined: it is not called back into a call it has left. */
    private String lastMonitoredCallId;
    private boolean available;
    private Instant idleSince;
    private volatile DnSnapshot latest;

    Dn(String number, Endpoint endpoint, Instant now) {
        this.number = number;
        this.endpoint = endpoint;
        this.agentStateSince = now;
        takeSnapshot();
    }

    String number() {
        return number;
    }

    /** The endpoint that plays the DN's device. */
    Endpoint endpoint() {
        return endpoint;
    }

    AgentState agentState() {
        return agentState;
    }

    boolean isLoggedIn() {
        return agentState.isLoggedIn();
    }

    /**
     * The only way the agent's state changes; the change reports the DN. A move the state machine forbids
     * ({@link AgentState#canMoveTo}) is a bug in the switch (the request should have been refused first), so
     * it throws rather than being ignored. Any move ends a wrap-up timer that was running.
     */
    void moveAgentTo(AgentState next, Change change) {
        if (!agentState.canMoveTo(next)) {
            throw new IllegalStateException("agent on " + number + ": " + agentState + " -> " + next + " is not allowed");
        }
        Instant now = change.now();
        change.dnChanged(this);
        if (wrapUpTimer != null) {
            wrapUpTimer.cancel();
            wrapUpTimer = null;
        }
        wrapUpEndsAt = null;
        if (next != agentState) {
            agentState = next;
            agentStateSince = now;
        }
    }

    /** After-call work that ends on a timer; the timer is cancelled if the state changes first. */
    void wrapUpUntil(Instant endsAt, SwitchLoop.Timer timer) {
        wrapUpEndsAt = endsAt;
        wrapUpTimer = timer;
    }

    Instant wrapUpEndsAt() {
        return wrapUpEndsAt;
    }

    boolean doNotDisturb() {
        return doNotDisturb;
    }

    void setDoNotDisturb(boolean on) {
        doNotDisturb = on;
    }

    String forwardTo() {
        return forwardTo;
    }

    void setForwardTo(String destination) {
        forwardTo = destination;
    }

    Monitoring monitoring() {
        return monitoring;
    }

    void setMonitoring(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    Call monitoredCall() {
        return monitoredCall;
    }

    String lastMonitoredCallId() {
        return lastMonitoredCallId;
    }

    void monitorIn(Call call) {
        monitoredCall = call;
        lastMonitoredCallId = call == null ? lastMonitoredCallId : call.id();
    }

    /** A new monitoring request may join any call, even one the supervisor left before. */
    void startMonitoring(Monitoring monitoring) {
        this.monitoring = monitoring;
        lastMonitoredCallId = null;
    }

    /** Whether the agent could take a routed call, calls apart: ready, and no feature sends calls elsewhere. */
    boolean takesRoutedCalls() {
        return agentState == AgentState.READY && !doNotDisturb && forwardTo == null;
    }

    /** Ready for a routed call and without any: may be offered one. */
    boolean isAvailable() {
        return available;
    }

    /** Since when the agent has been available; meaningful only while it is. */
    Instant idleSince() {
        return idleSince;
    }

    /** The longest-idle agent is the one that became available earliest, so only that moment is kept. */
    void setAvailable(boolean now, Instant at) {
        if (now && !available) {
            idleSince = at;
        }
        available = now;
    }

    DnSnapshot takeSnapshot() {
        latest = new DnSnapshot(number, agentState, agentStateSince, wrapUpEndsAt, doNotDisturb, forwardTo, monitoring);
        return latest;
    }

    DnSnapshot latest() {
        return latest;
    }
}
