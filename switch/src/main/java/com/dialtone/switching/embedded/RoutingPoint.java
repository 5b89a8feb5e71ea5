package com.dialtone.switching.embedded;

import com.dialtone.switching.RoutingPointSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/** A routing point: its agents and the calls waiting for one of them. Confined to the switch loop. */
final class RoutingPoint {

    private final String number;
    private final String name;
    /** In the order they joined: among agents idle since the same moment, the first is offered first. */
    private final List<Dn> agents;
    private final Deque<Call> waiting = new ArrayDeque<>();

    RoutingPoint(String number, String name, List<Dn> agents) {
        this.number = number;
        this.name = name;
        this.agents = new ArrayList<>(agents);
    }

    String number() {
        return number;
    }

    List<Dn> agents() {
        return Collections.unmodifiableList(agents);
    }

    /** Makes the DN one of the agents or not; true if that changed anything. A new agent comes last. */
    boolean setAgent(Dn agent, boolean member) {
        if (!member) {
            return agents.remove(agent);
        }
        if (agents.contains(agent)) {
            return false;
        }
        return agents.add(agent);
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
