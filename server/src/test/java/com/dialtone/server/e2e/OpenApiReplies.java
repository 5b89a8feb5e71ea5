package com.dialtone.server.e2e;

import com.dialtone.server.http.Json;
import com.dialtone.server.openapi.OpenApiResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Holds real replies to the OpenAPI description (server/src/main/resources/openapi.yaml): the reply of a documented
 * path and method must fit the schema of its HTTP status (or of {@code default}); a refusal's {@code statusCode}
 * must go with its HTTP status as the description's {@code StatusCode} table says; a refusal on a path the
 * description does not have must be the GWS error body. {@link Agent#send} checks every reply of every end-to-end
 * test with it, with networknt's JSON Schema validator (draft 2020-12, the dialect of OpenAPI 3.1).
 */
final class OpenApiReplies {

    static final OpenApiReplies DESCRIPTION = new OpenApiReplies(OpenApiResource.load());

    /** The parts of the server the description covers; elsewhere (the desktop's static files) is not checked. */
    private static final List<String> COVERED = List.of("/api/v2/", "/internal-api/", "/sim/", "/health/", "/metrics", "/desktop.json");

    private final JsonNode document;
    private final String components;
    private final List<Template> templates = new ArrayList<>();
    /** Each (statusCode, HTTP status) pair of the StatusCode table. */
    private final Set<String> statusPairs = new HashSet<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int parameters) {
    }

    OpenApiReplies(JsonNode document) {
        this.document = document;
        this.components = document.get("components").toString();
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            String regex = "\\Q" + path.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            templates.add(new Template(path, Pattern.compile(regex), path.split("\\{", -1).length - 1));
        }
        // The most literal path wins: /api/v2/me/devices before a {id} that would also fit.
        templates.sort(java.util.Comparator.comparingInt(Template::parameters));
        for (JsonNode row : document.at("/components/schemas/StatusCode/anyOf")) {
            statusPairs.add(row.get("const").asInt() + "/" + row.get("x-http-status").asInt());
        }
    }

    /** The documented path the request path falls under, or null. */
    String pathOf(String requestPath) {
        String path = requestPath.length() > 1 && requestPath.endsWith("/") ? requestPath.substring(0, requestPath.length() - 1) : requestPath;
        for (Template template : templates) {
            if (template.pattern().matcher(path).matches()) {
                return template.path();
            }
        }
        return null;
    }

    /** Throws an AssertionError naming each difference between the reply and the description. */
    void check(String method, URI uri, int status, String body) {
        String requestPath = uri.getRawPath();
        if (COVERED.stream().noneMatch(requestPath::startsWith)) {
            return;
        }
        String what = method + " " + requestPath + " → " + status;
        String path = pathOf(requestPath);
        JsonNode operation = path == null ? null : document.get("paths").get(path).get(method.toLowerCase(java.util.Locale.ROOT));
        if (operation == null) {
            if (status < 400) {
                throw new AssertionError(what + ": the OpenAPI description has no " + method + " " + (path == null ? requestPath : path));
            }
            checkError(what, status, body, "/components/schemas/Error");
            return;
        }
        JsonNode responses = operation.get("responses");
        String key = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        JsonNode response = responses.get(key);
        if (response == null) {
            throw new AssertionError(what + ": the OpenAPI description has no reply " + status + " (nor default) for " + method + " " + path);
        }
        String pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase(java.util.Locale.ROOT) + "/responses/" + key;
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = document.at(pointer);
        }
        JsonNode json = response.at("/content/application~1json/schema");
        if (json.isMissingNode()) {
            return; // text (the metrics), not JSON
        }
        if (status >= 400) {
            statusPair(what, status, body);
        }
        validate(what, pointer + "/content/application~1json/schema", json, body);
    }

    private void checkError(String what, int status, String body, String pointer) {
        statusPair(what, status, body);
        validate(what, pointer, document.at(pointer), body);
    }

    private void statusPair(String what, int status, String body) {
        JsonNode reply;
        try {
            reply = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(what + ": the reply is not JSON: " + body);
        }
        if (reply.has("statusCode") && !statusPairs.contains(reply.get("statusCode").asInt() + "/" + status)) {
            throw new AssertionError(what + ": statusCode " + reply.get("statusCode") + " is not sent with HTTP " + status
                    + " in the StatusCode table: " + body);
        }
    }

    private void validate(String what, String pointer, JsonNode schema, String body) {
        Schema compiled = schemas.computeIfAbsent(pointer, p -> {
            // The schema inside a root that carries the description's components, so that its $refs resolve.
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            try {
                root.set("components", Json.MAPPER.readTree(components));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            root.putArray("allOf").add(schema);
            return registry.getSchema(root.toString(), InputFormat.JSON);
        });
        List<Error> errors = compiled.validate(body.isEmpty() ? "null" : body, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + ": the reply does not fit the OpenAPI description (" + pointer + "): " + errors + "\n" + body);
        }
    }
}
