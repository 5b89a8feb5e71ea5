package com.dialtone.switching;

/**
 * The ACD state of the agent logged in on a DN, as T-Server keeps it. Only a {@link #READY} agent is
 * offered calls from a routing point; the others still make and take direct calls.
 *
 * <pre>
 *   LOGGED_OUT ──login──► NOT_READY ◄──► READY ◄──► AFTER_CALL_WORK ◄──► AUX_WORK
 *       ▲                  (the four logged-in states move freely among themselves)
 *       └──────logout────── any logged-in state
 * </pre>
 *
 * Every state may also "move" to itself: a client that asks for the state it is in is told it is in it.
 * {@link #canMoveTo} is the one table of allowed moves; a DN changes state only through it.
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

    /** Whether an agent in this state may move to {@code next}: a logged-out agent only logs in. */
    public boolean canMoveTo(AgentState next) {
        if (next == null) {
            return false;
        }
        return switch (this) {
            case LOGGED_OUT -> next == LOGGED_OUT || next == NOT_READY;
            case NOT_READY, READY, AFTER_CALL_WORK, AUX_WORK -> true;
        };
    }
}
