package com.dialtone.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON configuration, used for REST replies and for CometD notifications alike, so a resource
 * looks the same in both.
 */
public final class Json {

    public static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        // Decimals in attached data go back out as they came in (1.10 stays 1.10, not 1.1 or 1.1E0).
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return mapper;
    }

    /**
     * A JSON value as the plain Java the switch keeps: strings, whole numbers (Long, or BigInteger past a
     * long), decimals (BigDecimal, as written), booleans, null, lists and maps in their order.
     */
    public static Object plain(JsonNode value) {
        switch (value.getNodeType()) {
            case STRING:
                return value.textValue();
            case BOOLEAN:
                return value.booleanValue();
            case NUMBER:
                if (value.isIntegralNumber()) {
                    return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
                }
                return value.decimalValue();
            case ARRAY: {
                List<Object> items = new ArrayList<>(value.size());
                value.forEach(item -> items.add(plain(item)));
                return items;
            }
            case OBJECT: {
                Map<String, Object> fields = new LinkedHashMap<>();
                value.properties().forEach(field -> fields.put(field.getKey(), plain(field.getValue())));
                return fields;
            }
            default:
                return null; // JSON null
        }
    }
}
