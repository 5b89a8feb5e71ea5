package com.dialtone.server.config;

import java.time.Duration;
import java.util.Map;

/**
 * @param offerTimeout  how long a routed call rings an agent before it goes back to the queue
 * @param routingPoints by number: the routing points callers dial, each with the agents who take its calls
 */
public record RoutingSettings(Duration offerTimeout, Map<String, RoutingPointSettings> routingPoints) {
}
