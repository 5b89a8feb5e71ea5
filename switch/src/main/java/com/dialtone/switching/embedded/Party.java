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
    private final Instant joinedAt;
    private final List<SwitchLoop.Timer> timers = new ArrayList<>(1);
    private PartyState state;
    private Instant releasedAt;

    Party(String number, boolean internal, PartyState state, Instant joinedAt) {
        this.number = number;
        this.internal = internal;
        this.state = state;
        this.joinedAt = joinedAt;
    }

    String number() {
        return number;
    }

    boolean isInternal() {
        return internal;
    }

    PartyState state() {
        return state;
    }

    boolean isActive() {
        return state.isActive();
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
        return new PartySnapshot(number, internal, state, joinedAt, releasedAt);
    }
}
