package com.dialtone.server.auth;

import java.util.List;

/**
 * A person who logs in to the API.
 *
 * @param id           32 hex digits, as GWS user ids are
 * @param passwordHash see {@link PasswordHasher}; never leaves the server
 */
public record User(String id, String userName, String firstName, String lastName, List<String> roles, String passwordHash) {

    public User {
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "User[" + userName + "]"; // keeps the hash out of logs
    }
}
