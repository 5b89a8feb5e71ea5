package com.dialtone.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Reads durations in a config file as {@link HumanDuration} describes them. */
final class HumanDurationDeserializer extends StdScalarDeserializer<Duration> {

    HumanDurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        if (text == null) {
            return (Duration) context.handleUnexpectedToken(Duration.class, parser);
        }
        return parse(text.trim(), context);
    }

    private static Duration parse(String text, DeserializationContext context) throws IOException {
        Optional<Duration> duration = HumanDuration.parse(text);
        if (duration.isPresent()) {
            return duration.get();
        }
        return (Duration) context.handleWeirdStringValue(Duration.class, text, "expected a duration such as 500ms, 1s, 30m or 2h");
    }
}
