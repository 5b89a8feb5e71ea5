package com.dialtone.server.scenarios;

import com.dialtone.server.config.HumanDuration;
import com.dialtone.server.http.Json;
import com.dialtone.switching.UserData;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a scenario file (YAML, so JSON too). Every mistake is reported with the file, the line
 * and the setting's path, and nothing is run: a scenario either is valid as a whole or is refused.
 */
public final class ScenarioParser {

    /** The most customers one run may have, so a typo in a rate cannot flood the switch. */
    public static final int MAX_CUSTOMERS = 10_000;
    /** The longest a run may last (its last arrival). */
    public static final Duration MAX_LENGTH = Duration.ofHours(24);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,32}");
    private static final Pattern DTMF = Pattern.compile("[0-9*#]{1,64}");
    private static final Set<String> TOP = Set.of("name", "description", "seed", "customers");
    private static final Set<String> GROUP = Set.of("label", "to", "from", "data", "at", "rate", "start", "count", "for", "behaviour");
    private static final Set<String> RATE = Set.of("every", "perMinute", "perHour");
    private static final Set<String> BEHAVIOUR = Set.of("hangUpAfter", "abandonAfter", "talkFor", "dtmf", "busy");
    private static final Set<String> DTMF_KEYS = Set.of("after", "digits");

    private final String source;
    private final Map<String, Integer> lines;

    private ScenarioParser(String source, Map<String, Integer> lines) {
        this.source = source;
        this.lines = lines;
    }

    /**
     * The scenario the text describes.
     *
     * @param source the file's name, for messages and as the default name
     * @throws ScenarioException naming the line of the first mistake
     */
    public static Scenario parse(String text, String source) {
        JsonNode root;
        Map<String, Integer> lines = new HashMap<>();
        try {
            root = YAML.readTree(text);
            lines(text, lines);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source + (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr())
                    + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        } catch (IOException e) {
            throw new ScenarioException(source + ": unreadable: " + e.getMessage());
        }
        return new ScenarioParser(source, lines).scenario(root);
    }

    /** The line on which each value starts, by its JSON pointer. */
    private static void lines(String text, Map<String, Integer> lines) throws IOException {
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    // the pointer of the value that follows: its field's line, the one people look at
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
                } else if (token.isStructStart()) {
                    // the new mapping or list is named by where it sits in its parent
                    lines.putIfAbsent(parser.getParsingContext().getParent().pathAsPointer().toString(), line);
                } else if (!token.isStructEnd()) {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
                }
            }
        }
    }

    private Scenario scenario(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw error("", "the file is empty; a scenario lists its customers under 'customers'");
        }
        object(root, "", TOP);
        String name = text(root, "", "name", false);
        String description = text(root, "", "description", false);
        long seed = root.has("seed") ? integer(root, "", "seed", Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        JsonNode customers = root.get("customers");
        if (customers == null || !customers.isArray() || customers.isEmpty()) {
            throw error(customers == null ? "" : "/customers", "'customers' must be a list of at least one group of customers");
        }
        List<Scenario.Group> groups = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            groups.add(group(customers.get(i), "/customers/" + i, i));
        }
        Scenario scenario = new Scenario(name == null ? source : name, description == null ? "" : description, seed, groups);
        int total = 0;
        for (int i = 0; i < groups.size(); i++) {
            Scenario.Arrivals arrivals = groups.get(i).arrivals();
            if (arrivals.count() == 0 && arrivals.at().isEmpty() && arrivals.lasting() == null) {
                throw error("/customers/" + i, "a rate needs 'count' or 'for' (or both), or the customers never stop coming");
            }
            total += arrivals.at().isEmpty() ? estimate(arrivals) : arrivals.at().size();
            if (total > MAX_CUSTOMERS) {
                throw error("/customers/" + i, "the scenario would have more than " + MAX_CUSTOMERS + " customers");
            }
        }
        return scenario;
    }

    /** An upper bound of a rate's customers, to refuse floods before planning them. */
    private static int estimate(Scenario.Arrivals arrivals) {
        if (arrivals.count() > 0) {
            return arrivals.count();
        }
        double seconds = arrivals.lasting().toMillis() / 1000.0;
        double expected = arrivals.every() != null ? seconds / Math.max(0.001, arrivals.every().toMillis() / 1000.0) + 1
                : arrivals.perHour() * seconds / 3600;
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(expected));
    }

    private Scenario.Group group(JsonNode node, String at, int index) {
        object(node, at, GROUP);
        String label = text(node, at, "label", false);
        String to = number(node, at, "to", true);
        String from = number(node, at, "from", false);
        UserData data = data(node, at);
        Scenario.Arrivals arrivals = arrivals(node, at);
        Scenario.Behaviour behaviour = behaviour(node.get("behaviour"), at + "/behaviour");
        return new Scenario.Group(label == null ? "group " + (index + 1) : label, to, from, data, arrivals, behaviour);
    }

    private Scenario.Arrivals arrivals(JsonNode node, String at) {
        JsonNode times = node.get("at");
        JsonNode rate = node.get("rate");
        if ((times == null) == (rate == null)) {
            throw error(at, "a group of customers has either 'at' (one time or a list of times) or 'rate', not "
                    + (times == null ? "neither" : "both"));
        }
        if (times != null) {
            for (String key : List.of("start", "count", "for")) {
                if (node.has(key)) {
                    throw error(at + "/" + key, "'" + key + "' goes with 'rate', not with 'at'");
                }
            }
            List<Duration> list = new ArrayList<>();
            if (times.isArray()) {
                if (times.isEmpty()) {
                    throw error(at + "/at", "'at' must list at least one time");
                }
                for (int i = 0; i < times.size(); i++) {
                    list.add(duration(times.get(i), at + "/at/" + i, "at[" + i + "]"));
                }
            } else {
                list.add(duration(times, at + "/at", "at"));
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).compareTo(MAX_LENGTH) > 0) {
                    throw error(at + "/at", "a customer calls at most " + MAX_LENGTH.toHours() + "h after the start");
                }
            }
            return new Scenario.Arrivals(list, Duration.ZERO, null, 0, 0, null);
        }
        String path = at + "/rate";
        object(rate, path, RATE);
        if (rate.size() != 1) {
            throw error(path, "a rate is one of 'every' (a fixed rate: every: 20s), 'perMinute' or 'perHour' (random, Poisson: perMinute: 6)");
        }
        Duration every = rate.has("every") ? positive(rate.get("every"), path + "/every", "every") : null;
        double perHour = 0;
        if (rate.has("perMinute") || rate.has("perHour")) {
            String key = rate.has("perMinute") ? "perMinute" : "perHour";
            JsonNode value = rate.get(key);
            if (!value.isNumber() || value.asDouble() <= 0 || value.asDouble() > 1_000_000) {
                throw error(path + "/" + key, "'" + key + "' must be a positive number, was " + describe(value));
            }
            perHour = key.equals("perMinute") ? value.asDouble() * 60 : value.asDouble();
        }
        Duration start = node.has("start") ? duration(node.get("start"), at + "/start", "start") : Duration.ZERO;
        int count = node.has("count") ? (int) integer(node, at, "count", 1, MAX_CUSTOMERS) : 0;
        Duration lasting = node.has("for") ? positive(node.get("for"), at + "/for", "for") : null;
        if (start.compareTo(MAX_LENGTH) > 0 || (lasting != null && start.plus(lasting).compareTo(MAX_LENGTH) > 0)) {
            throw error(at, "customers arrive at most " + MAX_LENGTH.toHours() + "h after the start");
        }
        return new Scenario.Arrivals(List.of(), start, every, perHour, count, lasting);
    }

    private Scenario.Behaviour behaviour(JsonNode node, String at) {
        if (node == null) {
            return new Scenario.Behaviour(null, null, null, List.of(), false);
        }
        object(node, at, BEHAVIOUR);
        Duration hangUpAfter = node.has("hangUpAfter") ? duration(node.get("hangUpAfter"), at + "/hangUpAfter", "hangUpAfter") : null;
        Duration abandonAfter = node.has("abandonAfter") ? duration(node.get("abandonAfter"), at + "/abandonAfter", "abandonAfter") : null;
        Duration talkFor = node.has("talkFor") ? duration(node.get("talkFor"), at + "/talkFor", "talkFor") : null;
        List<Scenario.Dtmf> dtmf = new ArrayList<>();
        JsonNode keys = node.get("dtmf");
        if (keys != null) {
            if (!keys.isArray() || keys.isEmpty()) {
                throw error(at + "/dtmf", "'dtmf' must be a list such as [{after: 2s, digits: '1234#'}]");
            }
            for (int i = 0; i < keys.size(); i++) {
                String path = at + "/dtmf/" + i;
                JsonNode key = keys.get(i);
                object(key, path, DTMF_KEYS);
                String digits = key.has("digits") && key.get("digits").isValueNode() ? key.get("digits").asText() : null;
                if (digits == null || !DTMF.matcher(digits).matches()) {
                    throw error(path + (key.has("digits") ? "/digits" : ""), "'digits' must be 1 to 64 of 0-9, * and # (quote them: '1234#'), was "
                            + (digits == null ? "missing" : "'" + digits + "'"));
                }
                Duration after = key.has("after") ? duration(key.get("after"), path + "/after", "after") : Duration.ZERO;
                dtmf.add(new Scenario.Dtmf(after, digits));
            }
        }
        boolean busy = false;
        if (node.has("busy")) {
            if (!node.get("busy").isBoolean()) {
                throw error(at + "/busy", "'busy' must be true or false, was " + describe(node.get("busy")));
            }
            busy = node.get("busy").booleanValue();
        }
        return new Scenario.Behaviour(hangUpAfter, abandonAfter, talkFor, dtmf, busy);
    }

    private UserData data(JsonNode node, String at) {
        JsonNode data = node.get("data");
        if (data == null) {
            return UserData.empty();
        }
        if (!data.isObject()) {
            throw error(at + "/data", "'data' must be a mapping of keys and values, was " + describe(data));
        }
        Map<String, Object> pairs = new LinkedHashMap<>();
        data.properties().forEach(field -> pairs.put(field.getKey(), Json.plain(field.getValue())));
        UserData userData;
        try {
            userData = UserData.of(pairs);
        } catch (IllegalArgumentException e) {
            throw error(at + "/data", e.getMessage());
        }
        if (userData.isTooLarge()) {
            throw error(at + "/data", "is " + userData.size() + " bytes as JSON; a call's attached data may hold at most " + UserData.MAX_BYTES);
        }
        return userData;
    }

    // ---- values ----

    private void object(JsonNode node, String at, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw error(at, "expected a mapping of " + String.join(", ", known.stream().sorted().toList()) + ", was "
                    + (node == null ? "nothing" : describe(node)));
        }
        for (String key : (Iterable<String>) node::fieldNames) {
            if (!known.contains(key)) {
                throw error(at + "/" + key, "unknown setting '" + key + "'; known here: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private String text(JsonNode node, String at, String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw error(at, "'" + key + "' must be set");
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw error(at + "/" + key, "'" + key + "' must be text, was " + describe(value));
        }
        return value.asText();
    }

    private String number(JsonNode node, String at, String key, boolean required) {
        String value = text(node, at, key, required);
        if (value != null && !NUMBER.matcher(value).matches()) {
            throw error(at + "/" + key, "'" + key + "' must be a telephone number of 1 to 32 digits, was '" + value + "'");
        }
        return value;
    }

    private long integer(JsonNode node, String at, String key, long min, long max) {
        JsonNode value = node.get(key);
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw error(at + "/" + key, "'" + key + "' must be a whole number" + (min > Long.MIN_VALUE ? " from " + min + " to " + max : "")
                    + ", was " + describe(value));
        }
        return value.asLong();
    }

    private Duration positive(JsonNode value, String at, String name) {
        Duration duration = duration(value, at, name);
        if (duration.isZero()) {
            throw error(at, "'" + name + "' must be longer than 0s");
        }
        return duration;
    }

    private Duration duration(JsonNode value, String at, String name) {
        Duration duration = null;
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
            duration = Duration.ofSeconds(value.intValue());
        } else if (value.isTextual()) {
            duration = HumanDuration.parse(value.textValue()).filter(d -> !d.isNegative()).orElse(null);
        }
        if (duration == null || duration.compareTo(MAX_LENGTH) > 0) {
            throw error(at, "'" + name + "' must be a duration up to 24h such as 30s, 500ms, 2m or a number of seconds, was " + describe(value));
        }
        return duration;
    }

    private static String describe(JsonNode value) {
        return value.isValueNode() ? "'" + value.asText() + "'" : value.isArray() ? "a list" : "a mapping";
    }

    /** A mistake at the value the pointer names, with its line (or the nearest enclosing one's). */
    private ScenarioException error(String pointer, String message) {
        Integer line = null;
        JsonPointer at = JsonPointer.compile(pointer);
        while (line == null) {
            line = lines.get(at.toString());
            if (at.matches()) {
                break;
            }
            at = at.head();
        }
        String path = pointer.isEmpty() ? "" : " (" + pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.') + ")";
        return new ScenarioException(source + (line == null ? "" : ", line " + line) + path + ": " + message);
    }
}
