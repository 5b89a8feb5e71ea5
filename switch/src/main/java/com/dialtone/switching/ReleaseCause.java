package com.dialtone.switching;

/** Why a party left a call. */
public enum ReleaseCause {
    /** The party hung up. */
    HANGUP,
    /** Another party hung up and the call could not go on without it. */
    OTHER_PARTY_HUNG_UP,
    /** The destination was busy. */
    BUSY,
    /** The destination did not answer in time. */
    NO_ANSWER,
    /** The destination refused the call while it was ringing. */
    REJECTED,
    /** The party transferred the call and left it. */
    TRANSFERRED,
    /** The party goes on in another call: a consult call was merged into the call it consulted about. */
    MERGED,
    /** Another party removed it from a conference. */
    REMOVED,
    /** A supervisor's monitoring of the call ended (cancelled, or the monitored agent left the call). */
    MONITORING_ENDED;

    /** True when a destination never got through: whoever called it should be told why. */
    public boolean isFailure() {
        return this == BUSY || this == NO_ANSWER || this == REJECTED;
    }
}
