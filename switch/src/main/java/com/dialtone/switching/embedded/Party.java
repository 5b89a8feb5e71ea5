package com.dialtone.switching.embedded;

import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One party of a call; confined to the switch loop. */
final class Party {

    private final String number;
    private final boolean internal;
    private final String addedBy;
    private final Instant joinedAt;
    private final List<SwitchLoop.Timer> timers = new ArrayList<>(1);
    private PartyState state;
    private boolean muted;
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

    boolean isInternal() {
        return internal;
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
            timers.forEach(SwitchLoop.Timer::cancel);
            timers.clear();
        }
        return previous;
    }

    /** A timer that only matters while this party is in the call. */
    void addTimer(SwitchLoop.Timer timer) {
        timers.add(timer);
    }

    PartySnapshot snapshot() {
        return new PartySnapshot(number, internal, state, muted, joinedAt, releasedAt);
    }
}
