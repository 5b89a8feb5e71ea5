package com.dialtone.switching.embedded;

import com.dialtone.switching.Numbers;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.endpoint.Endpoints;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the switch is made of, changed while it runs: DNs come and go, agents move between routing points
 * and get another wrap-up time. Confined to the switch loop; the DN map it writes is read by any thread
 * too, so it must be a concurrent map.
 *
 * <p>Nothing here touches a call: a DN in a call cannot be removed, and a new routing applies from the
 * next offer on. So the calls' rules never meet a DN that is gone.
 */
final class Provisioning {

    private final Map<String, Dn> dns;
    private final Calls calls;
    private final Acd acd;
    private final Supervision supervision;
    private final AgentRules agents;
    private final Endpoints endpoints;

    Provisioning(Map<String, Dn> dns, Calls calls, Acd acd, Supervision supervision, AgentRules agents, Endpoints endpoints) {
        this.dns = dns;
        this.endpoints = endpoints;
        this.calls = calls;
        this.acd = acd;
        this.supervision = supervision;
        this.agents = agents;
    }

    void addDn(String number, Change change) {
        if (!Numbers.isDn(number)) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a DN must be 1 to 32 digits, was '" + number + "'");
        }
        if (dns.containsKey(number)) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, number + " is already a DN");
        }
        if (acd.point(number) != null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, number + " is already a routing point");
        }
        dns.put(number, new Dn(number, endpoints.ofDn(number), change.now()));
    }

    /**
     * Refused while anything still depends on the DN: a call it is a party of (a timer of the call would
     * find it gone) or a monitoring, in which the other side would be left waiting for it.
     */
    void removeDn(Dn dn, Change change) {
        String number = dn.number();
        if (calls.hasCalls(number)) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, number + " is a party of a call; end its calls first");
        }
        if (dn.monitoring() != null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                    number + " is monitoring " + dn.monitoring().targetDn() + "; cancel that first");
        }
        Dn supervisor = supervision.supervisorOf(number);
        if (supervisor != null) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                    number + " is monitored by " + supervisor.number() + "; cancel that first");
        }
        if (dn.isLoggedIn()) {
            // Its clients hear the agent leave, as with a logout; they would not hear of the DN going.
            agents.logout(dn, change);
        }
        acd.assign(dn, Set.of(), change);
        agents.setWrapUpTime(number, null);
        dns.remove(number);
        calls.forget(number);
    }

    void setRouting(Dn agent, Set<String> routingPoints, Duration wrapUpTime, Change change) {
        if (routingPoints == null) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "the routing points are required; an empty set for none");
        }
        for (String number : routingPoints) {
            if (number == null || acd.point(number) == null) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, number + " is not a routing point of this switch");
            }
        }
        if (wrapUpTime != null && wrapUpTime.isNegative()) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "the wrap-up time must not be negative, was " + wrapUpTime);
        }
        agents.setWrapUpTime(agent.number(), wrapUpTime);
        acd.assign(agent, routingPoints, change);
    }
}
