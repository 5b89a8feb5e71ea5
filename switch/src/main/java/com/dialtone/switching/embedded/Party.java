package com.dialtone.switching.embedded;

import com.dialtone.switching.Monitoring;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import java.time.Instant;

/** One party of a call, and its connection to its device ({@link #leg()}); confined to the switch loop. */
final class Party {

    private final String number;
    private final boolean internal;
    private final String addedBy;
    private final Instant joinedAt;
    private SwitchLeg leg;
    private PartyState state;
    private boolean muted;
    private boolean mutedBySupervisor;
    private boolean unheard;
    private String routedFrom;
    private Monitoring monitoring;
    private Instant releasedAt;

    /**
     * @param addedBy the DN that called or added this party, to be told if it does not get through; or null
     */
    Party(String number, boolean internal, PartyState state, String addedBy, Instant joinedAt) {
        this.number = number;
        this.internal = internal;
        this.state = state;
        this.addedBy = addedBy;
        this.joinedAt = joinedAt;
    }

    String number() {
        return number;
    }

    /** The party's connection to its device; set when it joins a call, kept by a party that moves on. */
    SwitchLeg leg() {
        return leg;
    }

    void setLeg(SwitchLeg leg) {
        this.leg = leg;
    }

    boolean isInternal() {
        return internal;
    }

    /**
     * True for a DN that hears of its part in the call. A DN with do-not-disturb on is in the call only
     * for the moment it takes to be busy; its phone never rings, so it gets no events.
     */
    boolean isHeard() {
        return internal && !unheard;
    }

    void setUnheard() {
        unheard = true;
    }

    String addedBy() {
        return addedBy;
    }

    PartyState state() {
        return state;
    }

    boolean isActive() {
        return state.isActive();
    }

    /** Dialling or established: what a DN can be in only one call at a time. */
    boolean isBusy() {
        return state == PartyState.DIALING || state == PartyState.ESTABLISHED;
    }

    boolean isMuted() {
        return muted;
    }

    void setMuted(boolean muted) {
        this.muted = muted;
    }

    boolean isMutedBySupervisor() {
        return mutedBySupervisor;
    }

    void setMutedBySupervisor(boolean mutedBySupervisor) {
        this.mutedBySupervisor = mutedBySupervisor;
    }

    /** The routing point that offered the call to this agent, or null if it came some other way. */
    String routedFrom() {
        return routedFrom;
    }

    void setRoutedFrom(String routingPoint) {
        this.routedFrom = routingPoint;
    }

    /** For a supervisor in the call to monitor it, how; otherwise null. */
    Monitoring monitoring() {
        return monitoring;
    }

    boolean isMonitoring() {
        return monitoring != null;
    }

    void setMonitoring(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    /** What a party that moves to another call (a consultation completed) keeps there, its leg included. */
    void carryOver(Party from) {
        leg = from.leg;
        muted = from.muted;
        mutedBySupervisor = from.mutedBySupervisor;
        routedFrom = from.routedFrom;
        monitoring = from.monitoring;
    }

    /**
     * The only way a party changes state. A move the state machine forbids is a bug in the switch (the
     * caller should have refused the request first), so it throws rather than being ignored.
     *
     * @return the previous state
     */
    PartyState moveTo(PartyState next, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("party " + number + ": " + state + " -> " + next + " is not allowed");
        }
        PartyState previous = state;
        state = next;
        if (next == PartyState.RELEASED) {
            releasedAt = now;
            if (leg != null) {
                leg.left(this);
            }
        }
        return previous;
    }

    PartySnapshot snapshot() {
        return new PartySnapshot(number, internal, state, muted, joinedAt, releasedAt,
                monitoring == null ? null : monitoring.mode(), mutedBySupervisor);
    }
}
