package com.dialtone.switching.embedded;

import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.RoutingPointSnapshot;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Automatic call distribution: the routing points' queues, and which agent is offered which call.
 * Confined to the switch loop, except {@link #latest()}. As a {@link Rule}, it follows the calls it
 * queues: an answered offer ends the call's routing, a refused or unanswered one puts the call back at the
 * head of the queue, a caller who hangs up leaves it.
 *
 * <p>Offers are made in a routing pass of their own, run after any change that could make one possible,
 * so that whatever made it possible (an agent's Ready, say) is told before the offer rings.
 */
final class Acd implements Rule {

    private final Map<String, RoutingPoint> points = new LinkedHashMap<>();
    private final Duration offerTimeout;
    private boolean changed;
    private boolean routingPending;
    private volatile List<RoutingPointSnapshot> latest;

    Acd(RoutingPlan plan, Map<String, Dn> dns) {
        for (RoutingPlan.RoutingPoint point : plan.routingPoints()) {
            points.put(point.number(), new RoutingPoint(point.number(), point.name(),
                    point.agentDns().stream().map(dns::get).toList()));
        }
        this.offerTimeout = plan.offerTimeout();
        latest = snapshot();
    }

    /** The routing point of this number, or null. */
    RoutingPoint point(String number) {
        return points.get(number);
    }

    boolean hasWaitingCalls() {
        for (RoutingPoint point : points.values()) {
            if (!point.waiting().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The call arrives at the routing point and waits, last in line. */
    void enqueue(Call call, RoutingPoint point, Change change) {
        change.touched(call);
        call.startRouting(new Routing(point));
        point.waiting().addLast(call);
        changed = true;
        routeSoon(change);
    }

    @Override
    public void moved(Change.Move move, Change change) {
        if (move.next() == PartyState.ESTABLISHED) {
            answered(move.call(), move.party());
        } else if (move.next() == PartyState.RELEASED) {
            released(move.call(), move.party(), change);
        }
    }

    /** Once an agent answers, the call is an ordinary call. */
    private void answered(Call call, Party party) {
        Routing routing = call.routing();
        if (routing != null && routing.offer() == party) {
            call.endRouting();
        }
    }

    /**
     * A party of a call at a routing point left. If the call ended (its caller gave up), it leaves the
     * queue. If the party was the agent offered the call, the call goes back to the head of the queue,
     * for someone else.
     */
    private void released(Call call, Party party, Change change) {
        Routing routing = call.routing();
        if (routing == null) {
            return;
        }
        if (call.isEnded()) {
            routing.point().waiting().remove(call);
            call.endRouting();
            changed = true;
            return;
        }
        if (routing.offer() != party) {
            return;
        }
        routing.refused();
        routing.point().waiting().addFirst(call);
        changed = true;
        routeSoon(change);
    }

    /**
     * Makes the agent take the calls of exactly these routing points, which exist. A call already
     * ringing on it stays; from the next offer on, the new membership counts. An agent available now
     * may take a waiting call at once, as one who just became ready would.
     */
    void assign(Dn agent, Set<String> numbers, Change change) {
        for (RoutingPoint point : points.values()) {
            changed |= point.setAgent(agent, numbers.contains(point.number()));
        }
        if (agent.isAvailable() && hasWaitingCalls()) {
            routeSoon(change);
        }
    }

    /** A routing pass, as a unit of work of its own after the current one; one at a time is enough. */
    void routeSoon(Change change) {
        if (!routingPending) {
            routingPending = true;
            change.next(pass -> {
                routingPending = false;
                route(pass);
            });
        }
    }

    /** Offers each waiting call, first in line first, to the longest-idle agent who may take it. */
    private void route(Change change) {
        for (RoutingPoint point : points.values()) {
            for (Iterator<Call> waiting = point.waiting().iterator(); waiting.hasNext(); ) {
                Call call = waiting.next();
                Dn agent = longestIdle(point, call.routing());
                if (agent != null) {
                    waiting.remove();
                    offer(call, agent, change);
                }
            }
        }
    }

    private Dn longestIdle(RoutingPoint point, Routing routing) {
        Dn chosen = null;
        for (Dn agent : point.agents()) {
            if (agent.isAvailable() && !routing.wasRefusedBy(agent.number())
                    && (chosen == null || agent.idleSince().isBefore(chosen.idleSince()))) {
                chosen = agent;
            }
        }
        return chosen;
    }

    private void offer(Call call, Dn agent, Change change) {
        Party party = call.join(agent.number(), true, PartyState.RINGING, null, change);
        party.setRoutedFrom(call.routing().point().number());
        call.routing().offered(party);
        agent.setAvailable(false, change.now()); // until the next publication says so, for the rest of this pass
        changed = true;
        party.leg().later(offerTimeout, timeout -> {
            if (party.state() == PartyState.RINGING) {
                call.release(party, ReleaseCause.NO_ANSWER, timeout);
            }
        });
    }

    /** Publishes the queues if they changed since the last time. */
    void publish() {
        if (changed) {
            changed = false;
            latest = snapshot();
        }
    }

    /** Every routing point and its queue, as last published; any thread. */
    List<RoutingPointSnapshot> latest() {
        return latest;
    }

    private List<RoutingPointSnapshot> snapshot() {
        return points.values().stream().map(RoutingPoint::snapshot).toList();
    }
}
