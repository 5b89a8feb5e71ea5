package com.dialtone.switching;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Key/value data attached to a call (T-Server "attached data"). Immutable; keys keep their order of
 * arrival. Values are strings or whole numbers ({@link Long}), the two types T-Library carries that
 * every client can show.
 */
public final class UserData {

    private static final UserData EMPTY = new UserData(Map.of());

    private final Map<String, Object> pairs;

    private UserData(Map<String, Object> pairs) {
        this.pairs = pairs;
    }

    public static UserData empty() {
        return EMPTY;
    }

    /**
     * @throws IllegalArgumentException if a key is empty or a value is not a String or a whole number
     */
    public static UserData of(Map<String, ?> pairs) {
        return EMPTY.with(pairs);
    }

    /** These pairs plus the given ones; a key that is already here takes the new value. */
    public UserData with(Map<String, ?> added) {
        if (added.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new LinkedHashMap<>(pairs);
        added.forEach((key, value) -> merged.put(checkKey(key), normalise(key, value)));
        return new UserData(Collections.unmodifiableMap(merged));
    }

    public UserData with(UserData added) {
        return with(added.pairs);
    }

    public UserData without(String key) {
        if (!pairs.containsKey(key)) {
            return this;
        }
        Map<String, Object> rest = new LinkedHashMap<>(pairs);
        rest.remove(key);
        return rest.isEmpty() ? EMPTY : new UserData(Collections.unmodifiableMap(rest));
    }

    public boolean containsKey(String key) {
        return pairs.containsKey(key);
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** An unmodifiable view, in key order. */
    public Map<String, Object> asMap() {
        return pairs;
    }

    private static String checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("user data keys must not be empty");
        }
        return key;
    }

    private static Object normalise(String key, Object value) {
        if (value instanceof String) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("user data value of '" + key + "' must be a string or a whole number, was "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserData that && pairs.equals(that.pairs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pairs);
    }

    @Override
    public String toString() {
        return pairs.toString();
    }
}
