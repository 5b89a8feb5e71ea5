package com.dialtone.server.sim;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.calls.CallMapper;
import com.dialtone.server.http.SwitchResults;
import com.dialtone.server.config.HumanDuration;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.CustomerSimulator;
import com.dialtone.switching.RoutingPointSnapshot;
import com.dialtone.switching.Switch;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /sim}: Dialtone's own endpoints for simulated customers, outside the GWS namespace and for
 * {@code ROLE_ADMIN} only. A desktop developer starts a customer call with data and a behaviour, hangs
 * the customer up, and looks at the queues (docs/simulated-customers.md).
 */
public final class SimulatorResource {

    static final String ADMIN_ROLE = "ROLE_ADMIN";

    private final CustomerSimulator simulator;
    private final Switch telephony;

    public SimulatorResource(CustomerSimulator simulator, Switch telephony) {
        this.simulator = simulator;
        this.telephony = telephony;
    }

    /** Routes relative to {@code /sim}. */
    public List<Route> routes() {
        return List.of(
                Route.post("/calls", request -> startCall(admin(request))),
                Route.get("/calls/{id}", request -> getCall(admin(request))),
                Route.post("/calls/{id}", request -> operate(admin(request))),
                Route.get("/routing-points", request -> Reply.ok("routingPoints", routingPoints(admin(request)))));
    }

    /** The request, if its user is an administrator; else refused with statusCode 5 (HTTP 403). The test lab's routes use it too. */
    public static ApiRequest admin(ApiRequest request) {
        if (!request.user().roles().contains(ADMIN_ROLE)) {
            throw new GwsException(StatusCode.NO_PERMISSION, "The simulator needs the role " + ADMIN_ROLE);
        }
        return request;
    }

    private Map<String, Object> startCall(ApiRequest request) throws Exception {
        Params params = Params.of(request.body());
        String from = params.requiredText("from");
        String to = params.requiredText("to");
        CustomerBehaviour behaviour = new CustomerBehaviour(duration(params, "hangUpAfter"), duration(params, "talkFor"),
                params.optionalText("dtmf"), duration(params, "dtmfAfter"));
        CallSnapshot call = SwitchResults.await(simulator.customerCall(from, to, params.optionalUserData("userData"), behaviour));
        request.concernsCall(call.id());
        Map<String, Object> reply = new LinkedHashMap<>(Reply.ok());
        reply.put("call", summary(call));
        return reply;
    }

    private Map<String, Object> getCall(ApiRequest request) {
        return Reply.ok("call", summary(customerCall(request.path("id"))));
    }

    private Map<String, Object> operate(ApiRequest request) throws Exception {
        Params params = Params.of(request.body());
        String name = params.requiredText("operationName");
        if (!name.equals("Hangup")) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name + "' for a customer call; known: Hangup");
        }
        CallSnapshot call = customerCall(request.path("id"));
        SwitchResults.await(simulator.customerHangUp(call.id(), call.ani()));
        return Reply.ok();
    }

    private CallSnapshot customerCall(String id) {
        return telephony.call(id).filter(c -> c.type() == CallType.INBOUND).orElseThrow(() -> GwsException.notFound("Customer call " + id));
    }

    private List<Map<String, Object>> routingPoints(ApiRequest request) {
        return telephony.routingPoints().stream().map(SimulatorResource::summary).toList();
    }

    private static Map<String, Object> summary(CallSnapshot call) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", call.id());
        summary.put("connId", call.connId());
        summary.put("ani", call.ani());
        summary.put("dnis", call.dnis());
        summary.put("userData", call.userData().asMap());
        summary.put("parties", call.activeParties().stream()
                .map(p -> Map.of("number", p.number(), "state", CallMapper.stateName(p.state())))
                .toList());
        return summary;
    }

    private static Map<String, Object> summary(RoutingPointSnapshot point) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("number", point.number());
        summary.put("name", point.name());
        summary.put("agents", point.agentDns());
        summary.put("waitingCalls", point.waitingCallIds());
        return summary;
    }

    /** A duration as {@code "30s"}, {@code "500ms"} or a number of seconds; null when absent. */
    private static Duration duration(Params params, String name) {
        JsonNode value = params.raw(name);
        if (value == null) {
            return null;
        }
        Duration duration = null;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            duration = Duration.ofSeconds(value.intValue());
        } else if (value.isTextual()) {
            duration = HumanDuration.parse(value.textValue()).orElse(null);
        }
        if (duration == null || duration.isNegative() || duration.compareTo(Duration.ofDays(1)) > 0) {
            throw GwsException.invalid(name, "must be a duration up to a day such as 30s, 500ms or a number of seconds, was " + value);
        }
        return duration;
    }
}
