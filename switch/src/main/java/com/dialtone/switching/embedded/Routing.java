package com.dialtone.switching.embedded;

import java.util.HashSet;
import java.util.Set;

/**
 * A call's stay at a routing point, from the moment it arrives until an agent answers it: waiting in the
 * queue, or being offered to one agent. Confined to the switch loop.
 */
final class Routing {

    private final RoutingPoint point;
    private final Set<String> refusedBy = new HashSet<>();
    private Party offer;

    Routing(RoutingPoint point) {
        this.point = point;
    }

    RoutingPoint point() {
        return point;
    }

    /** The agent's party ringing with the offer, or null while the call waits in the queue. */
    Party offer() {
        return offer;
    }

    void offered(Party party) {
        offer = party;
    }

    /** The offer came to nothing; the agent who let it go is not asked again about this call. */
    void refused() {
        refusedBy.add(offer.number());
        offer = null;
    }

    boolean wasRefusedBy(String dn) {
        return refusedBy.contains(dn);
    }
}
