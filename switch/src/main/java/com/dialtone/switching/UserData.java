package com.dialtone.switching;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Key/value data attached to a call (T-Server "attached data"). Immutable; keys keep their order of
 * arrival, at every level, as T-Server's key/value lists do. A value is any JSON value, modelled as plain
 * Java: a {@link String}, a whole number ({@link Long}, or {@link BigInteger} past a long), a decimal
 * ({@link BigDecimal}), a {@link Boolean}, null, a list of values or a map of string keys to values (WWE
 * attaches {@code WWE_PARTY_<dn>: {username, firstname, lastname, path}} to every call). Lists and maps are
 * copied and unmodifiable, so nothing outside can change a call's data.
 */
public final class UserData {

    /**
     * The most a call's attached data may hold, as compact JSON in UTF-8 bytes (see {@link #size}): T-Server
     * carries a call's data in every event about it, so it must stay small. A request that would take a call
     * over it is refused.
     */
    public static final int MAX_BYTES = 32 * 1024;

    private static final UserData EMPTY = new UserData(Map.of());

    private final Map<String, Object> pairs;
    private int size = -1;

    private UserData(Map<String, Object> pairs) {
        this.pairs = pairs;
    }

    public static UserData empty() {
        return EMPTY;
    }

    /**
     * @throws IllegalArgumentException if a key is empty or a value is not one of the types above
     */
    public static UserData of(Map<String, ?> pairs) {
        return EMPTY.with(pairs);
    }

    /** These pairs plus the given ones; a key that is already here takes the new value, in its place. */
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

    /** An unmodifiable view, in key order; nested maps and lists are unmodifiable too. */
    public Map<String, Object> asMap() {
        return pairs;
    }

    /**
     * How many bytes the data takes as compact JSON in UTF-8, escapes counted as the one character they
     * stand for: what {@link #MAX_BYTES} limits. Computed once.
     */
    public int size() {
        if (size < 0) {
            size = sizeOf(pairs);
        }
        return size;
    }

    /** Whether the data is over {@link #MAX_BYTES}. */
    public boolean isTooLarge() {
        return size() > MAX_BYTES;
    }

    private static int sizeOf(Object value) {
        if (value == null) {
            return 4;
        } else if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8).length + 2;
        } else if (value instanceof Map<?, ?> map) {
            int total = 2 + Math.max(0, map.size() - 1);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += sizeOf(entry.getKey()) + 1 + sizeOf(entry.getValue());
            }
            return total;
        } else if (value instanceof List<?> list) {
            int total = 2 + Math.max(0, list.size() - 1);
            for (Object item : list) {
                total += sizeOf(item);
            }
            return total;
        } else if (value instanceof BigDecimal decimal) {
            return decimal.toString().length();
        }
        return value.toString().length(); // numbers and booleans
    }

    private static String checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("user data keys must not be empty");
        }
        return key;
    }

    /** The value in its one form per JSON type, copied and unmodifiable. */
    private static Object normalise(String key, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("user data value of '" + key + "' must be a finite number, was " + value);
            }
            return BigDecimal.valueOf(number);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("user data value of '" + key + "' has a key that is not a string: " + entry.getKey());
                }
                copy.put(name, normalise(key + "." + name, entry.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(normalise(key + "[" + i + "]", list.get(i)));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("user data value of '" + key + "' must be a string, number, boolean, null, list or map, was "
                + value.getClass().getSimpleName());
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
