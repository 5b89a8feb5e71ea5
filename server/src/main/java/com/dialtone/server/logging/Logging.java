package com.dialtone.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.StatusPrinter2;
import com.dialtone.server.config.ConfigException;
import com.dialtone.server.config.LoggingSettings;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Sets Logback up from the {@code logging} settings at start (docs/operations.md, "Logs"): the built-in
 * configuration for the format ({@code logback.xml} for text, {@code logback-json.xml} for JSON), or the
 * operator's own file, then the levels. Nothing needs rebuilding to log more or less.
 */
public final class Logging {

    /** The request log's logger (one line per HTTP request; see {@link RequestLog}). */
    public static final String REQUESTS = "dialtone.requests";
    /** The call log's logger (a line when a call starts and ends; see {@link CallLog}). */
    public static final String CALLS = "dialtone.calls";

    private Logging() {
    }

    public static void configure(LoggingSettings settings) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (a test harness, an embedding application) decides
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            if (settings.configFile() != null) {
                configurator.doConfigure(Path.of(settings.configFile()).toFile());
            } else {
                URL builtIn = Logging.class.getResource("json".equals(settings.format()) ? "/logback-json.xml" : "/logback.xml");
                configurator.doConfigure(builtIn);
            }
        } catch (JoranException e) {
            new StatusPrinter2().print(context); // where in the file, and why
            throw new ConfigException("logging: cannot use " + (settings.configFile() != null ? settings.configFile() : "the built-in configuration")
                    + ": " + e.getMessage());
        }
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() == Status.ERROR) {
                new StatusPrinter2().print(context);
                throw new ConfigException("logging: " + (settings.configFile() != null ? settings.configFile() : "the built-in configuration")
                        + " has errors: " + status.getMessage());
            }
        }
        if (settings.configFile() == null) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(settings.level()));
        }
        for (Map.Entry<String, String> level : settings.levels().entrySet()) {
            context.getLogger(level.getKey()).setLevel(Level.toLevel(level.getValue()));
        }
    }

    /** Writes out what is still queued (the console appender is asynchronous) and stops logging. */
    public static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
