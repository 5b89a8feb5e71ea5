package com.dialtone.server.config;

/**
 * A routing point; its agents are the users that list its number in their {@code routingPoints}.
 *
 * @param name what people call it ("Sales")
 */
public record RoutingPointSettings(String name) {
}
