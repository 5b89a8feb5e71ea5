package com.dialtone.switching;

import java.time.Instant;

/**
 * One party of a call at one moment.
 *
 * @param number            the DN, or the external number
 * @param internal          true for a DN of this switch, false for a party outside it
 * @param state             its state in the call
 * @param muted             whether its own microphone is muted (it hears, the others do not hear it)
 * @param joinedAt          when it became a party of the call
 * @param releasedAt        when it left, or null while it is in the call
 * @param monitoring        for a supervisor monitoring the call, how; null for every other party
 * @param mutedBySupervisor true while a monitoring supervisor has muted this party (the supervisor took over)
 */
public record PartySnapshot(String number, boolean internal, PartyState state, boolean muted, Instant joinedAt, Instant releasedAt,
                            MonitoringMode monitoring, boolean mutedBySupervisor) {

    public PartySnapshot(String number, boolean internal, PartyState state, boolean muted, Instant joinedAt, Instant releasedAt) {
        this(number, internal, state, muted, joinedAt, releasedAt, null, false);
    }

    public boolean isActive() {
        return state.isActive();
    }

    /** True for a supervisor who is in the call to monitor it. */
    public boolean isMonitoring() {
        return monitoring != null;
    }
}
