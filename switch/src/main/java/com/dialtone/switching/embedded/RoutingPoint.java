package com.dialtone.switching.embedded;

import com.dialtone.switching.RoutingPointSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A routing point: its agents and the calls waiting for one of them. Confined to the switch loop. */
final class RoutingPoint {

    private final String number;
    private final String name;
    private final List<Dn> agents;
    private final Deque<Call> waiting = new ArrayDeque<>();

    RoutingPoint(String number, String name, List<Dn> agents) {
        this.number = number;
        this.name = name;
        this.agents = List.copyOf(agents);
    }

    String number() {
        return number;
    }

    List<Dn> agents() {
        return agents;
    }

    /** The calls waiting for an agent, first in line first; a call being offered is not among them. */
    Deque<Call> waiting() {
        return waiting;
    }

    RoutingPointSnapshot snapshot() {
        return new RoutingPointSnapshot(number, name, agents.stream().map(Dn::number).toList(),
                waiting.stream().map(Call::id).toList());
    }
}
