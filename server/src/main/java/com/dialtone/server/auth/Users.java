package com.dialtone.server.auth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every user of the contact centre, by name and by id. */
public final class Users {

    private final Map<String, User> byName = new LinkedHashMap<>();
    private final Map<String, User> byId = new LinkedHashMap<>();

    public Users(Collection<User> users) {
        for (User user : users) {
            if (byName.put(user.userName(), user) != null) {
                throw new IllegalArgumentException("two users are named '" + user.userName() + "'");
            }
            if (byId.put(user.id(), user) != null) {
                throw new IllegalArgumentException("two users have the id " + user.id());
            }
        }
    }

    public Optional<User> byName(String userName) {
        return Optional.ofNullable(byName.get(userName));
    }

    public Optional<User> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<User> all() {
        return byName.values();
    }
}
