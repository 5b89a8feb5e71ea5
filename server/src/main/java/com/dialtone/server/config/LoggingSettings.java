package com.dialtone.server.config;

import java.util.Map;

/**
 * What the server logs and how (docs/operations.md, "Logs"). The command line's {@code --log-format},
 * {@code --log-level} and {@code --log-config} override these.
 *
 * @param format     {@code text} (one line a message, for people) or {@code json} (one JSON object a line)
 * @param level      the level of everything not named in {@code levels}: TRACE, DEBUG, INFO, WARN, ERROR or OFF
 * @param levels     levels of single loggers by name, e.g. {@code dialtone.requests: WARN} to silence the request log
 * @param configFile a Logback configuration file that replaces the built-in one whole; null: the built-in one
 */
public record LoggingSettings(String format, String level, Map<String, String> levels, String configFile) {

    public LoggingSettings {
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    /** With the command line's choices over the configuration's; a null argument keeps the configured value. */
    public LoggingSettings with(String format, String level, String configFile) {
        return new LoggingSettings(format == null ? this.format : format, level == null ? this.level : level, levels,
                configFile == null ? this.configFile : configFile);
    }
}
