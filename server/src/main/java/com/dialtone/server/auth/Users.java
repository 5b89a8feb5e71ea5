package com.dialtone.server.auth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every user of the contact centre, by name and by id. Reads never wait: a change (provisioning, rare)
 * builds a new index and swaps it in, so requests and notifications always see one consistent set.
 */
public final class Users {

    private volatile Index index;

    public Users(Collection<User> users) {
        index = new Index(List.copyOf(users));
    }

    public Optional<User> byName(String userName) {
        return Optional.ofNullable(index.byName.get(userName));
    }

    public Optional<User> byId(String id) {
        return Optional.ofNullable(index.byId.get(id));
    }

    public Collection<User> all() {
        return index.byName.values();
    }

    /** Adds the user, or replaces the one with the same id. */
    public synchronized void put(User user) {
        Map<String, User> next = new LinkedHashMap<>(index.byId);
        next.put(user.id(), user);
        index = new Index(next.values());
    }

    public synchronized void remove(String id) {
        Map<String, User> next = new LinkedHashMap<>(index.byId);
        next.remove(id);
        index = new Index(next.values());
    }

    private static final class Index {
        final Map<String, User> byName = new LinkedHashMap<>();
        final Map<String, User> byId = new LinkedHashMap<>();

        Index(Collection<User> users) {
            for (User user : users) {
                if (byName.put(user.userName(), user) != null) {
                    throw new IllegalArgumentException("two users are named '" + user.userName() + "'");
                }
                if (byId.put(user.id(), user) != null) {
                    throw new IllegalArgumentException("two users have the id " + user.id());
                }
            }
        }
    }
}
