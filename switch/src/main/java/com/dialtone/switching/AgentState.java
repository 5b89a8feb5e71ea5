package com.dialtone.switching;

/**
 * The ACD state of the agent logged in on a DN, as T-Server keeps it. Only a {@link #READY} agent is
 * offered calls from a routing point; the others still make and take direct calls.
 */
public enum AgentState {
    /** No agent is logged in on the DN (before StartContactCenterSession, after EndContactCenterSession). */
    LOGGED_OUT,
    /** Logged in, not taking routed calls. The state an agent has just after logging in. */
    NOT_READY,
    /** Waiting for routed calls. */
    READY,
    /** Not ready while wrapping up the last call; may return to {@link #READY} on a timer. */
    AFTER_CALL_WORK,
    /** Not ready for other work. */
    AUX_WORK;

    /** True once an agent is logged in. */
    public boolean isLoggedIn() {
        return this != LOGGED_OUT;
    }
}
