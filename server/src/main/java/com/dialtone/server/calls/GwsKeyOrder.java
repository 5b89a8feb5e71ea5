package com.dialtone.server.calls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attached data in the key order GWS shows it. The switch keeps keys in their order of arrival, as
 * T-Server's key/value lists do; GWS 8.5 turns each list into a Java {@link HashMap} on its way out, so a
 * real session shows {@code WWE_PARTY_1003:{"path","firstname","username","lastname"}} for data WWE sent as
 * {@code {username, firstname, lastname, path}} (shared/spec/wwe-8.5-session.md, the call resource). Doing
 * the same here, at every level, gives the same order for the same keys. JSON objects are unordered, so
 * key-based clients see no difference either way.
 */
final class GwsKeyOrder {

    private GwsKeyOrder() {
    }

    /** The data as GWS would list it: filled in order of arrival into a default HashMap, nested ones too. */
    static Map<String, Object> of(Map<String, Object> arrivalOrder) {
        Map<String, Object> ordered = new HashMap<>();
        arrivalOrder.forEach((key, value) -> ordered.put(key, value(value)));
        return ordered;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            return of((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(value(item)));
            return items;
        }
        return value;
    }
}
