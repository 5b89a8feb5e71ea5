package com.dialtone.switching.embedded;

import com.dialtone.switching.AgentState;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How an agent's state changes: by its own requests, by what happens to its calls (a missed offer, the
 * end of a routed call), and by time (wrap-up runs out). Also whether the agent is available for a routed
 * call, once a change has settled. Confined to the switch loop. The moves themselves are checked by the
 * agent-state machine ({@link AgentState#canMoveTo}, {@link Dn#moveAgentTo}).
 */
final class AgentRules implements Rule {

    private final Map<String, Dn> dns;
    /** Per DN; changed by provisioning, so each routed call's end reads the time in force then. */
    private final Map<String, Duration> wrapUpTimes;
    private final Calls calls;
    private final Acd acd;

    AgentRules(Map<String, Dn> dns, Map<String, Duration> wrapUpTimes, Calls calls, Acd acd) {
        this.dns = dns;
        this.wrapUpTimes = new HashMap<>(wrapUpTimes);
        this.calls = calls;
        this.acd = acd;
    }

    // ---- the agent's requests ----

    void login(Dn agent, Change change) {
        if (!agent.isLoggedIn()) {
            agent.moveAgentTo(AgentState.NOT_READY, change);
        }
    }

    void logout(Dn agent, Change change) {
        agent.moveAgentTo(AgentState.LOGGED_OUT, change);
    }

    void setState(Dn agent, AgentState state, Duration wrapUpTime, Change change) {
        if (state == null || state == AgentState.LOGGED_OUT) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "an agent state other than LOGGED_OUT is required; log out instead");
        }
        if (wrapUpTime != null && state != AgentState.AFTER_CALL_WORK) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a wrap-up time goes only with AFTER_CALL_WORK, not " + state);
        }
        if (wrapUpTime != null && wrapUpTime.isNegative()) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "the wrap-up time must not be negative, was " + wrapUpTime);
        }
        if (!agent.isLoggedIn()) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "no agent is logged in on " + agent.number());
        }
        agent.moveAgentTo(state, change);
        if (wrapUpTime != null) {
            wrapUp(agent, wrapUpTime, change);
        }
    }

    /** The after-call work the agent gets when its next routed call ends; null for none. */
    void setWrapUpTime(String dn, Duration time) {
        if (time == null) {
            wrapUpTimes.remove(dn);
        } else {
            wrapUpTimes.put(dn, time);
        }
    }

    // ---- what its calls did ----

    @Override
    public void moved(Change.Move move, Change change) {
        Party party = move.party();
        if (move.next() != PartyState.RELEASED || party.routedFrom() == null) {
            return;
        }
        Dn agent = dns.get(party.number());
        if (move.previous() == PartyState.RINGING && move.cause() == ReleaseCause.NO_ANSWER && move.call().isRouting()) {
            missedOffer(agent, change); // the offer went back to the queue (the Acd, an earlier rule, put it there)
        }
        boolean answered = move.previous() == PartyState.ESTABLISHED || move.previous() == PartyState.HELD;
        if (answered && move.cause() != ReleaseCause.MERGED) {
            routedCallEnded(agent, change);
        }
    }

    /** An agent who lets an offer ring out is probably away: it gets no more until it says it is ready. */
    private void missedOffer(Dn agent, Change change) {
        if (agent.isLoggedIn()) {
            agent.moveAgentTo(AgentState.NOT_READY, change);
            change.dnChanged(agent);
        }
    }

    private void routedCallEnded(Dn agent, Change change) {
        Duration time = wrapUpTimes.get(agent.number());
        if (agent.isLoggedIn() && time != null && !time.isZero() && !time.isNegative()) {
            wrapUp(agent, time, change);
            change.dnChanged(agent);
        }
    }

    /** After-call work that ends by itself: the agent is made ready when the time is up. */
    private void wrapUp(Dn agent, Duration time, Change change) {
        Instant endsAt = change.now().plus(time);
        agent.moveAgentTo(AgentState.AFTER_CALL_WORK, change);
        agent.wrapUpUntil(endsAt, change.after(time, ended -> {
            if (agent.agentState() == AgentState.AFTER_CALL_WORK && endsAt.equals(agent.wrapUpEndsAt())) {
                agent.moveAgentTo(AgentState.READY, ended);
                ended.dnChanged(agent);
            }
        }));
    }

    // ---- availability ----

    /**
     * Notes which agents became available, or stopped being, once every move of a change is made. One who
     * became available may take a waiting call.
     */
    @Override
    public void settled(Change change) {
        Set<Dn> touched = new LinkedHashSet<>();
        for (Change.Move move : change.moves()) {
            Dn dn = dns.get(move.party().number());
            if (dn != null) {
                touched.add(dn);
            }
        }
        change.dns().forEach(touched::add);
        boolean becameAvailable = false;
        for (Dn dn : touched) {
            boolean available = dn.takesRoutedCalls() && !calls.hasCalls(dn.number());
            becameAvailable |= available && !dn.isAvailable();
            dn.setAvailable(available, change.now());
        }
        if (becameAvailable && acd.hasWaitingCalls()) {
            acd.routeSoon(change);
        }
    }
}
