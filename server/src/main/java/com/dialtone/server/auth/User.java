package com.dialtone.server.auth;

import java.time.Duration;
import java.util.List;

/**
 * A person who logs in to the API.
 *
 * @param id                         32 hex digits, as GWS user ids are
 * @param passwordHash               see {@link PasswordHasher}; never leaves the server
 * @param enabled                    whether the user may log in
 * @param changePasswordOnFirstLogin whether the user must change the password before doing anything else
 * @param routingPoints              the numbers of the routing points whose calls the user's devices take
 * @param wrapUpTime                 how long the user stays in after-call work after a routed call; null for none
 */
public record User(String id, String userName, String firstName, String lastName, String emailAddress, List<String> roles,
                   String passwordHash, boolean enabled, boolean changePasswordOnFirstLogin, List<String> routingPoints,
                   Duration wrapUpTime) {

    public User {
        roles = List.copyOf(roles);
        routingPoints = List.copyOf(routingPoints);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public User withPasswordHash(String hash, boolean mustChange) {
        return new User(id, userName, firstName, lastName, emailAddress, roles, hash, enabled, mustChange, routingPoints, wrapUpTime);
    }

    @Override
    public String toString() {
        return "User[" + userName + "]"; // keeps the hash out of logs
    }
}
