package com.dialtone.switching;

import java.util.List;

/**
 * A routing point and its queue at one moment.
 *
 * @param number         the routing point's number, which callers dial
 * @param name           what people call it ("Sales")
 * @param agentDns       the DNs whose agents take its calls
 * @param waitingCallIds the calls waiting for an agent, first in line first (a call being offered to an
 *                       agent is not waiting)
 */
public record RoutingPointSnapshot(String number, String name, List<String> agentDns, List<String> waitingCallIds) {

    public RoutingPointSnapshot {
        agentDns = List.copyOf(agentDns);
        waitingCallIds = List.copyOf(waitingCallIds);
    }
}
