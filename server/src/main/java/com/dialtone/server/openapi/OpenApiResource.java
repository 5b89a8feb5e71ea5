package com.dialtone.server.openapi;

import com.dialtone.server.api.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /api/v2/openapi.json}, without a login: the OpenAPI 3.1 description of everything the server
 * serves (docs/openapi.md). It is written by hand in {@code openapi.yaml} on the class path, which is easier to
 * read and review than JSON, and served as JSON, read once. {@code OpenApiTest} holds it to the route table,
 * and the end-to-end tests check every reply they get against its schemas.
 */
public final class OpenApiResource {

    /** Where the description is on the class path. */
    public static final String RESOURCE = "openapi.yaml";

    private final JsonNode document;

    public OpenApiResource() {
        this.document = load();
    }

    public List<Route> routes() {
        return List.of(Route.publicGet("/openapi.json", request -> document));
    }

    /** The description as a tree (the same one served). */
    public static JsonNode load() {
        try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
