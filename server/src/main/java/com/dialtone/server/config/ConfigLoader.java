package com.dialtone.server.config;

import com.dialtone.server.http.CrossOriginSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the configuration: the built-in defaults ({@code dialtone-defaults.yaml}, the demo contact
 * centre) with any number of YAML documents laid over them. Objects merge key by key; any other value,
 * lists included, replaces the default. So a file that sets only {@code server.port} keeps the demo
 * users, and a file with a {@code users} list replaces them all.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new SimpleModule().addDeserializer(Duration.class, new HumanDurationDeserializer()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    /** The defaults with the file over them; the file may be null. */
    public static DialtoneConfig load(Path file) {
        if (file == null) {
            return load(List.of());
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException("cannot read the configuration file " + file);
        }
        try {
            return load(List.of(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
        }
    }

    /** The defaults with each YAML document laid over them in turn. */
    public static DialtoneConfig load(List<String> overlays) {
        return load(overlays, "configuration");
    }

    private static DialtoneConfig load(List<String> overlays, String source) {
        ObjectNode tree = defaults();
        for (String overlay : overlays) {
            JsonNode node;
            try {
                node = YAML.readTree(overlay);
            } catch (JsonProcessingException e) {
                throw new ConfigException(source + " is not valid YAML: " + e.getOriginalMessage()
                        + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
            }
            if (node == null || node.isMissingNode() || node.isNull()) {
                continue;
            }
            if (!node.isObject()) {
                throw new ConfigException(source + " must be a YAML mapping of settings");
            }
            merge(tree, node);
        }
        DialtoneConfig config;
        try {
            config = YAML.treeToValue(tree, DialtoneConfig.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            throw new ConfigException(source + ": " + path(e) + ": unknown setting; known here: " + String.join(", ", known));
        } catch (JsonMappingException e) {
            String message = e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "").replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1");
            throw new ConfigException(source + ": " + path(e) + ": " + message);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage());
        }
        validate(config);
        return config;
    }

    /**
     * Whether the configuration's users are the built-in demo ones: no file replaced the list (or one repeated it
     * exactly, passwords included).
     */
    public static boolean hasBuiltInUsers(DialtoneConfig config) {
        return config.users().equals(load(List.of()).users());
    }

    /** Checks what a record cannot: ranges and formats. Users, the dial plan and routing are checked by {@link ContactCenter}. */
    public static void validate(DialtoneConfig config) {
        ServerSettings server = require(config.server(), "server");
        check(server.host() != null && !server.host().isBlank(), "server.host must be set");
        check(server.port() >= 0 && server.port() <= 65_535, "server.port must be 0..65535 (0 = any free port), was " + server.port());
        if (server.publicBaseUrl() != null) {
            URI uri;
            try {
                uri = URI.create(server.publicBaseUrl());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("server.publicBaseUrl is not a URL: " + server.publicBaseUrl());
            }
            check(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                            && uri.getQuery() == null && uri.getFragment() == null,
                    "server.publicBaseUrl must be an http or https URL such as https://cti.example.com, was " + server.publicBaseUrl());
        }
        check(server.maxRequestBodyBytes() >= 1024 && server.maxRequestBodyBytes() <= 16 * 1024 * 1024,
                "server.maxRequestBodyBytes must be 1024..16777216, was " + server.maxRequestBodyBytes());
        check(require(server.sessionTimeout(), "server.sessionTimeout").compareTo(Duration.ofMinutes(1)) >= 0,
                "server.sessionTimeout must be at least 1m, was " + server.sessionTimeout());

        NotificationSettings notifications = require(config.notifications(), "notifications");
        Duration timeout = require(notifications.timeout(), "notifications.timeout");
        check(timeout.compareTo(Duration.ofSeconds(1)) >= 0 && timeout.compareTo(Duration.ofMinutes(5)) <= 0,
                "notifications.timeout must be 1s..5m, was " + timeout);
        check(require(notifications.maxInterval(), "notifications.maxInterval").compareTo(Duration.ofSeconds(1)) >= 0,
                "notifications.maxInterval must be at least 1s, was " + notifications.maxInterval());
        check(notifications.maxQueue() > 0, "notifications.maxQueue must be positive, was " + notifications.maxQueue());
        StorageSettings storage = require(config.storage(), "storage");
        check(storage.url() != null || (storage.dataDir() != null && !storage.dataDir().isBlank()),
                "storage.dataDir must be set when storage.url is not");
        check(storage.url() == null || storage.url().startsWith("jdbc:"),
                "storage.url must be a JDBC URL such as jdbc:postgresql://localhost:5432/dialtone, was " + storage.url());
        require(config.dialPlan(), "dialPlan");
        require(config.routing(), "routing");
        require(config.users(), "users");
        CrossOriginSettings cors = require(config.crossOriginSettings(), "crossOriginSettings");
        for (String origin : require(cors.allowedOrigins(), "crossOriginSettings.allowedOrigins")) {
            check(origin != null && (origin.equals("*") || origin.matches("https?://[^/?#\\s]+")),
                    "crossOriginSettings.allowedOrigins: each must be \"*\" or an origin such as https://desktop.example.com"
                            + " (scheme, host, optional port, no path; * for any characters), was " + origin);
        }
        require(cors.allowedMethods(), "crossOriginSettings.allowedMethods");
        require(cors.allowedHeaders(), "crossOriginSettings.allowedHeaders");
        require(cors.exposedHeaders(), "crossOriginSettings.exposedHeaders");
        check(require(cors.preflightMaxAge(), "crossOriginSettings.preflightMaxAge").compareTo(Duration.ZERO) >= 0,
                "crossOriginSettings.preflightMaxAge must not be negative");
        ContactCenterSettings center = require(config.contactCenter(), "contactCenter");
        check(center.name() != null && !center.name().isBlank(), "contactCenter.name must be set");
        check(center.switchName() != null && !center.switchName().isBlank(), "contactCenter.switchName must be set");
        java.util.Set<String> attributes = new java.util.HashSet<>();
        List<ContactCenterSettings.BusinessAttributeSettings> list = center.businessAttributes() == null ? List.of() : center.businessAttributes();
        for (int i = 0; i < list.size(); i++) {
            ContactCenterSettings.BusinessAttributeSettings attribute = require(list.get(i), "contactCenter.businessAttributes[" + i + "]");
            String at = "contactCenter.businessAttributes[" + i + "]";
            check(attribute.name() != null && !attribute.name().isBlank(), at + ".name must be set");
            check(attributes.add(attribute.name()), at + ": the name " + attribute.name() + " is used twice");
            List<ContactCenterSettings.ValueSettings> values = attribute.values() == null ? List.of() : attribute.values();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int v = 0; v < values.size(); v++) {
                ContactCenterSettings.ValueSettings value = require(values.get(v), at + ".values[" + v + "]");
                check(value.name() != null && !value.name().isBlank(), at + ".values[" + v + "].name must be set");
                check(names.add(value.name()), at + ".values[" + v + "]: the name " + value.name() + " is used twice");
            }
        }
        LoggingSettings logging = require(config.logging(), "logging");
        check("text".equals(logging.format()) || "json".equals(logging.format()),
                "logging.format must be text or json, was " + logging.format());
        checkLevel("logging.level", logging.level());
        logging.levels().forEach((logger, level) -> checkLevel("logging.levels." + logger, level));
        check(logging.configFile() == null || Files.isReadable(Path.of(logging.configFile())),
                "logging.configFile: cannot read " + logging.configFile());
        java.util.Set<String> dns = new java.util.HashSet<>();
        for (UserSettings user : config.users()) {
            if (user != null && user.devices() != null) {
                user.devices().stream().filter(java.util.Objects::nonNull).map(DeviceSettings::phoneNumber)
                        .filter(java.util.Objects::nonNull).forEach(dns::add);
            }
        }
        config.telephony().validate(dns, config.routing().routingPoints() == null ? java.util.Set.of() : config.routing().routingPoints().keySet());
    }

    private static final java.util.Set<String> LEVELS = java.util.Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private static void checkLevel(String key, String level) {
        check(level != null && LEVELS.contains(level.toUpperCase(java.util.Locale.ROOT)),
                key + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, was " + level);
    }

    static <T> T require(T value, String key) {
        if (value == null) {
            throw new ConfigException(key + " must be set");
        }
        return value;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/dialtone-defaults.yaml")) {
            if (in == null) {
                throw new IllegalStateException("dialtone-defaults.yaml is missing from the jar");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("dialtone-defaults.yaml is unreadable", e);
        }
    }

    private static void merge(ObjectNode base, JsonNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode current = base.get(field.getKey());
            if (current instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "(top level)" : path;
    }
}
