package com.dialtone.server.http;

import com.dialtone.switching.UserData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an operation request, read with the GWS error for each way they can be wrong:
 * absent ({@code statusCode} 1) or of the wrong type or shape ({@code statusCode} 10). Nested names are
 * reported in full ({@code destination.phoneNumber}).
 */
public final class Params {

    private final JsonNode node;
    private final String prefix;

    private Params(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    public static Params of(JsonNode body) {
        return new Params(body, "");
    }

    public String requiredText(String name) {
        String value = optionalText(name);
        if (value == null || value.isBlank()) {
            throw GwsException.missing(prefix + name);
        }
        return value;
    }

    public String optionalText(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw GwsException.invalid(prefix + name, "must be a string, was " + describe(value));
        }
        return value.textValue();
    }

    /** {@code true} or {@code false}; null when absent. */
    public Boolean optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return null;
        }
        if (!value.isBoolean()) {
            throw GwsException.invalid(prefix + name, "must be true or false, was " + describe(value));
        }
        return value.booleanValue();
    }

    /** Whether the parameter was sent with a value other than null. */
    public boolean has(String name) {
        return !absent(node.get(name));
    }

    /** The names of the parameters sent, in their order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The value as sent, for parameters GWS accepts in more than one type; null when absent. */
    public JsonNode raw(String name) {
        JsonNode value = node.get(name);
        return absent(value) ? null : value;
    }

    /** An array of strings; null when absent. */
    public List<String> optionalTextList(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            return null;
        }
        if (!value.isArray()) {
            throw GwsException.invalid(prefix + name, "must be an array of strings, was " + describe(value));
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw GwsException.invalid(prefix + name, "must be an array of strings, has " + describe(item));
            }
            items.add(item.textValue());
        }
        return items;
    }

    public Params requiredObject(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            throw GwsException.missing(prefix + name);
        }
        if (!value.isObject()) {
            throw GwsException.invalid(prefix + name, "must be a JSON object, was " + describe(value));
        }
        return new Params(value, prefix + name + ".");
    }

    /** User data pairs; absent means none. */
    public UserData optionalUserData(String name) {
        JsonNode value = node.get(name);
        return absent(value) ? UserData.empty() : userData(name, value);
    }

    /** User data pairs, at least one. */
    public UserData requiredUserData(String name) {
        JsonNode value = node.get(name);
        if (absent(value)) {
            throw GwsException.missing(prefix + name);
        }
        UserData data = userData(name, value);
        if (data.isEmpty()) {
            throw GwsException.missing(prefix + name + " (at least one key)");
        }
        return data;
    }

    private UserData userData(String name, JsonNode value) {
        if (!value.isObject()) {
            throw GwsException.invalid(prefix + name, "must be a JSON object of keys and values, was " + describe(value));
        }
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (field.getKey().isEmpty()) {
                throw GwsException.invalid(prefix + name, "keys must not be empty");
            }
            pairs.put(field.getKey(), Json.plain(field.getValue()));
        }
        UserData data = UserData.of(pairs);
        if (data.isTooLarge()) {
            throw GwsException.invalid(prefix + name, "is " + data.size() + " bytes as JSON; a call's attached data may hold at most "
                    + UserData.MAX_BYTES);
        }
        return data;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    public static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "the number " + value.asText();
            case STRING -> "a string";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
