package com.dialtone.switching.embedded;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The embedded switch's routing points, and how it treats the agents who take their calls, when it
 * starts; {@link com.dialtone.switching.Switch#setRouting} changes the agents and wrap-up times later.
 *
 * @param routingPoints the routing points, each with its agents
 * @param offerTimeout  how long a call offered to an agent rings before it goes back to the queue
 * @param wrapUpTimes   per DN: how long its agent stays in after-call work when a routed call ends;
 *                      DNs not listed get no after-call work
 */
public record RoutingPlan(List<RoutingPoint> routingPoints, Duration offerTimeout, Map<String, Duration> wrapUpTimes) {

    /**
     * One routing point.
     *
     * @param number   what callers dial
     * @param name     what people call it
     * @param agentDns the DNs whose agents take its calls
     */
    public record RoutingPoint(String number, String name, List<String> agentDns) {

        public RoutingPoint {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(name, "name");
            agentDns = List.copyOf(agentDns);
        }
    }

    public RoutingPlan {
        routingPoints = List.copyOf(routingPoints);
        wrapUpTimes = Map.copyOf(wrapUpTimes);
        if (offerTimeout.isNegative() || offerTimeout.isZero()) {
            throw new IllegalArgumentException("offerTimeout must be positive, was " + offerTimeout);
        }
        Set<String> numbers = new HashSet<>();
        for (RoutingPoint point : routingPoints) {
            if (!numbers.add(point.number())) {
                throw new IllegalArgumentException("two routing points have the number " + point.number());
            }
        }
        wrapUpTimes.forEach((dn, time) -> {
            if (time.isNegative()) {
                throw new IllegalArgumentException("the wrap-up time of " + dn + " is negative: " + time);
            }
        });
    }

    /** No routing points at all. */
    public static RoutingPlan none() {
        return new RoutingPlan(List.of(), Duration.ofSeconds(15), Map.of());
    }
}
