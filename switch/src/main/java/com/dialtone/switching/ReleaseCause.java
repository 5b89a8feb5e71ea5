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
    NO_ANSWER;

    /** True when the call never got through: the originator should be told why. */
    public boolean isFailure() {
        return this == BUSY || this == NO_ANSWER;
    }
}
