package com.dialtone.server.provisioning;

import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.StatusCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields a provisioning body may have. A read-only field (the id, the URIs) sent with another value
 * than the resource has is an attempt to change it: {@code statusCode} 11. Sent unchanged, as a client
 * that PUTs back what it read does, it is ignored. Anything unknown is refused (10), so a misspelt
 * field never passes for a change that was made.
 */
final class Bodies {

    private Bodies() {
    }

    /** The read-only fields of a resource being created: any value is a change. */
    static Map<String, String> creating(String... readOnly) {
        Map<String, String> fields = new HashMap<>();
        for (String name : readOnly) {
            fields.put(name, null);
        }
        return fields;
    }

    /**
     * @param readOnly each read-only field and its current value; values are null when creating, when
     *                 any value is a change
     */
    static void check(Params params, Set<String> writable, Map<String, String> readOnly) {
        for (String name : params.names()) {
            if (readOnly.containsKey(name)) {
                JsonNode sent = params.raw(name);
                String current = readOnly.get(name);
                if (sent != null && (current == null || !sent.isTextual() || !sent.textValue().equals(current))) {
                    throw new GwsException(StatusCode.READ_ONLY, "'" + name + "' is read-only");
                }
            } else if (!writable.contains(name)) {
                throw GwsException.invalid(name, "unknown field; known: " + String.join(", ", new TreeSet<>(writable)));
            }
        }
    }
}
