package com.dialtone.switching;

import java.time.Instant;

/**
 * One party of a call at one moment.
 *
 * @param number     the DN, or the external number
 * @param internal   true for a DN of this switch, false for a party outside it
 * @param state      its state in the call
 * @param muted      whether its own microphone is muted (it hears, the others do not hear it)
 * @param joinedAt   when it became a party of the call
 * @param releasedAt when it left, or null while it is in the call
 */
public record PartySnapshot(String number, boolean internal, PartyState state, boolean muted, Instant joinedAt, Instant releasedAt) {

    public boolean isActive() {
        return state.isActive();
    }
}
