package com.dialtone.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them in a config file: {@code 500ms}, {@code 1s}, {@code 30m}, {@code 2h}, or ISO-8601. */
final class HumanDurationDeserializer extends StdScalarDeserializer<Duration> {

    private static final Pattern HUMAN = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

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
        Matcher m = HUMAN.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return (Duration) context.handleWeirdStringValue(Duration.class, text,
                    "expected a duration such as 500ms, 1s, 30m or 2h");
        }
    }
}
