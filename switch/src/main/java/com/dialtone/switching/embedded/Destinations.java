package com.dialtone.switching.embedded;

import com.dialtone.switching.Numbers;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Where a dialled number rings: a DN of this switch (unless its features send the call elsewhere), a
 * routing point, or a simulated far end for every other number. Confined to the switch loop.
 */
final class Destinations {

    /** Where a dialled number rings once the DN's features have had their say. */
    record Destination(String number, Dn dn, RoutingPoint point) {

        boolean isExternal() {
            return dn == null && point == null;
        }
    }

    private final Map<String, Dn> dns;
    private final Acd acd;

    Destinations(Map<String, Dn> dns, Acd acd) {
        this.dns = dns;
        this.acd = acd;
    }

    /**
     * @throws IllegalArgumentException if a routing point's number is a DN or cannot be dialled, or one of
     *                                  its agents is not a DN
     */
    static void checkPlan(RoutingPlan plan, Set<String> dns) {
        for (RoutingPlan.RoutingPoint point : plan.routingPoints()) {
            if (!Numbers.isDiallable(point.number())) {
                throw new IllegalArgumentException("routing point " + point.number() + " is not a number that can be dialled");
            }
            if (dns.contains(point.number())) {
                throw new IllegalArgumentException(point.number() + " is both a DN and a routing point");
            }
            for (String agent : point.agentDns()) {
                if (!dns.contains(agent)) {
                    throw new IllegalArgumentException("agent " + agent + " of routing point " + point.number() + " is not a DN");
                }
            }
        }
    }

    /** True if the number is a DN or a routing point of this switch, rather than a far end. */
    boolean isInside(String number) {
        return dns.containsKey(number) || acd.point(number) != null;
    }

    void check(String dn, String destination) {
        if (!Numbers.isDiallable(destination)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, "destination must be " + Numbers.DIALLABLE_SHAPE + ", was '" + destination + "'");
        }
        if (destination.equals(dn)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, dn + " cannot dial itself");
        }
    }

    /**
     * Where a call from {@code requester} (a DN, or null for a customer) to {@code dialled} rings: a DN
     * that forwards sends it on, one hop only, so a call forwarded to a DN that forwards too rings there.
     */
    Destination of(String requester, String dialled) {
        check(requester, dialled);
        Dn dn = dns.get(dialled);
        String number = dn != null && dn.forwardTo() != null ? dn.forwardTo() : dialled;
        if (number.equals(requester)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, dialled + " forwards its calls to " + requester + ", the caller");
        }
        return new Destination(number, dns.get(number), acd.point(number));
    }

    /** A destination to add to the call: not already a party, and no second routing point at once. */
    Destination newPartyOf(Call call, String dn, String destination) {
        Destination target = of(dn, destination);
        requireNotIn(call, target);
        if (target.point() != null && call.isRouting()) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                    "call " + call.id() + " is already waiting at routing point " + call.routing().point().number());
        }
        return target;
    }

    static void requireNotIn(Call call, Destination target) {
        if (target.point() == null && call.findActive(target.number()) != null) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, target.number() + " is already a party of call " + call.id());
        }
    }

    /**
     * The destination joins the call, ringing (or alerted: its endpoint rings it once the change is made,
     * see {@link Devices}); a routing point has no party of its own, the call waits in its queue instead. A
     * DN with do-not-disturb on is busy, as a busy far end is: it is released at once, in a change of its
     * own, so its caller first sees the call it made.
     */
    void ring(Call call, Destination target, String addedBy, Change change) {
        if (target.point() != null) {
            acd.enqueue(call, target.point(), change);
        } else if (target.isExternal()) {
            call.join(target.number(), false, PartyState.RINGING, addedBy, change);
        } else if (target.dn().doNotDisturb()) {
            Party party = call.joinUnheard(target.number(), addedBy, change);
            party.leg().later(Duration.ZERO, busy -> call.release(party, ReleaseCause.BUSY, busy));
        } else {
            call.join(target.number(), true, PartyState.RINGING, addedBy, change);
        }
    }
}
