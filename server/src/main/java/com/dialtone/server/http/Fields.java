package com.dialtone.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** The GWS {@code fields} query parameter: {@code *} for whole resources, or a list of the fields to keep. */
public final class Fields {

    private Fields() {
    }

    public static List<?> select(List<?> resources, Set<String> fields) {
        if (fields.contains("*")) {
            return resources;
        }
        return resources.stream().map(resource -> {
            ObjectNode node = Json.MAPPER.valueToTree(resource);
            node.retain(fields);
            return node;
        }).toList();
    }
}
