package com.dialtone.server.scenarios;

import static com.dialtone.server.sim.SimulatorResource.admin;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Json;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /sim/scenarios}: scenario runs started, listed, watched and stopped, by administrators only
 * (docs/test-lab.md).
 */
public final class ScenarioResource {

    private final Scenarios scenarios;

    public ScenarioResource(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    /** Routes relative to {@code /sim}. */
    public List<Route> routes() {
        return List.of(
                Route.post("/scenarios", request -> start(admin(request))),
                Route.get("/scenarios", request -> Reply.ok("runs", listed(admin(request)))),
                Route.get("/scenarios/{id}", request -> report(admin(request))),
                Route.post("/scenarios/{id}", request -> operate(admin(request))));
    }

    private List<Map<String, Object>> listed(ApiRequest request) {
        return scenarios.list();
    }

    private Map<String, Object> start(ApiRequest request) throws java.io.IOException {
        Params params = Params.of(request.body());
        JsonNode yaml = params.raw("yaml");
        JsonNode object = params.raw("scenario");
        if ((yaml == null) == (object == null)) {
            throw new GwsException(StatusCode.MISSING_PARAMETER,
                    "Give the scenario as 'yaml' (the file's text, with 'source' its name) or as 'scenario' (the same as a JSON object), not "
                            + (yaml == null ? "neither" : "both"));
        }
        String source = params.optionalText("source");
        Scenario scenario;
        try {
            if (yaml != null) {
                if (!yaml.isTextual()) {
                    throw GwsException.invalid("yaml", "must be the scenario file's text");
                }
                scenario = ScenarioParser.parse(yaml.textValue(), source == null ? "scenario" : source);
            } else {
                scenario = ScenarioParser.parse(Json.MAPPER.writeValueAsString(object), source == null ? "scenario" : source);
            }
        } catch (ScenarioException e) {
            throw new GwsException(StatusCode.INVALID_INPUT, e.getMessage());
        } catch (JsonProcessingException e) {
            throw GwsException.invalid("scenario", "unreadable");
        }
        String id;
        try {
            id = scenarios.start(scenario);
        } catch (IllegalStateException e) {
            throw new GwsException(StatusCode.INVALID_STATE, e.getMessage());
        }
        Map<String, Object> reply = new LinkedHashMap<>(Reply.ok());
        reply.put("run", scenarios.report(id, Long.MAX_VALUE).orElseThrow());
        return reply;
    }

    private Map<String, Object> report(ApiRequest request) {
        long since = 0;
        String text = request.query("since");
        if (text != null) {
            try {
                since = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw GwsException.invalid("since", "must be a timeline entry's seq, was '" + text + "'");
            }
        }
        String id = request.path("id");
        return Reply.ok("run", scenarios.report(id, since).orElseThrow(() -> GwsException.notFound("Scenario run " + id)));
    }

    private Map<String, Object> operate(ApiRequest request) throws java.io.IOException {
        String name = Params.of(request.body()).requiredText("operationName");
        if (!name.equals("Stop")) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name + "' for a scenario run; known: Stop");
        }
        String id = request.path("id");
        if (!scenarios.stop(id)) {
            throw GwsException.notFound("Scenario run " + id);
        }
        return Reply.ok("run", scenarios.report(id, Long.MAX_VALUE).orElseThrow());
    }
}
