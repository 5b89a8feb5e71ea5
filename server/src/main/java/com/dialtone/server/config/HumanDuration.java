package com.dialtone.server.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 500ms}, {@code 1s}, {@code 30m}, {@code 2h}, or ISO-8601 ({@code PT1S}). */
public final class HumanDuration {

    private static final Pattern HUMAN = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private HumanDuration() {
    }

    /** The duration the text describes, or empty if it describes none. */
    public static Optional<Duration> parse(String text) {
        Matcher m = HUMAN.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
