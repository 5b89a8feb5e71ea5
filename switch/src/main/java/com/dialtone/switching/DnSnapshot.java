package com.dialtone.switching;

import java.time.Instant;

/**
 * A DN's own state at one moment, apart from its calls: the agent logged in on it and the DN's features.
 * Immutable, readable on any thread.
 *
 * @param dn                 the DN
 * @param agentState         the state of the agent on the DN
 * @param agentStateSince    when the agent state last changed (or the switch started)
 * @param wrapUpEndsAt       in {@link AgentState#AFTER_CALL_WORK} with a timer: when the agent becomes
 *                           {@link AgentState#READY} again; otherwise null
 * @param doNotDisturb       true while the DN refuses calls: direct calls get busy, none are routed to it
 * @param forwardTo          where calls to the DN go instead while forwarding is on; null when off
 * @param monitoring         what this DN's supervisor is monitoring; null when nothing
 */
public record DnSnapshot(String dn, AgentState agentState, Instant agentStateSince, Instant wrapUpEndsAt,
                         boolean doNotDisturb, String forwardTo, Monitoring monitoring) {
}
