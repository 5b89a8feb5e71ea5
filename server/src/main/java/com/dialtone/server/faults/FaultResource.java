package com.dialtone.server.faults;

import static com.dialtone.server.sim.SimulatorResource.admin;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.User;
import com.dialtone.server.auth.Users;
import com.dialtone.server.config.HumanDuration;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /sim/faults}: faults added, listed and cleared, by administrators only (docs/test-lab.md, "Faults").
 * A fault that cannot be added is refused whole, naming the parameter, and nothing is added.
 */
public final class FaultResource {

    private static final Set<String> PARAMETERS = Set.of("fault", "user", "dn", "number", "everyone", "count", "for", "statusCode",
            "statusMessage", "delay");

    private final Faults faults;
    private final Users users;
    private final Devices devices;

    public FaultResource(Faults faults, Users users, Devices devices) {
        this.faults = faults;
        this.users = users;
        this.devices = devices;
    }

    /** Routes relative to {@code /sim}. */
    public List<Route> routes() {
        return List.of(
                Route.post("/faults", request -> add(admin(request))),
                Route.get("/faults", request -> listed(admin(request))),
                Route.delete("/faults", request -> clearAll(admin(request))),
                Route.delete("/faults/{id}", request -> clear(admin(request))));
    }

    private Map<String, Object> listed(ApiRequest request) {
        return Reply.ok("faults", faults.list());
    }

    private Map<String, Object> clearAll(ApiRequest request) {
        Map<String, Object> reply = new LinkedHashMap<>(Reply.ok());
        reply.put("cleared", faults.clearAll());
        return reply;
    }

    private Map<String, Object> clear(ApiRequest request) {
        String id = request.path("id");
        if (!faults.clear(id)) {
            throw GwsException.notFound("Fault " + id);
        }
        Map<String, Object> reply = new LinkedHashMap<>(Reply.ok());
        reply.put("cleared", 1);
        return reply;
    }

    private Map<String, Object> add(ApiRequest request) throws IOException {
        JsonNode body = request.body();
        Params params = Params.of(body);
        for (String name : params.names()) {
            if (!PARAMETERS.contains(name)) {
                throw GwsException.invalid(name, "is not a fault's parameter; they are " + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        String name = params.requiredText("fault");
        Fault.Kind kind = Arrays.stream(Fault.Kind.values()).filter(k -> k.wire.equals(name)).findFirst()
                .orElseThrow(() -> GwsException.invalid("fault", "must be one of " + Arrays.stream(Fault.Kind.values()).map(k -> k.wire)
                        .collect(Collectors.joining(", ")) + ", was '" + name + "'"));
        Fault.Scope scope = scope(kind, params);
        Integer count = count(params);
        Duration duration = duration(params, "for", Faults.MAX_DURATION);
        if (count == null && duration == null) {
            count = 1; // the next time, once
        }
        StatusCode statusCode = null;
        String statusMessage = params.optionalText("statusMessage");
        if (kind == Fault.Kind.REFUSE_OPERATIONS) {
            statusCode = statusCode(params);
        } else if (params.has("statusCode") || statusMessage != null) {
            throw GwsException.invalid(params.has("statusCode") ? "statusCode" : "statusMessage", "applies only to refuseOperations");
        }
        Duration delay = duration(params, "delay", Faults.MAX_DELAY);
        boolean delayed = kind == Fault.Kind.DELAY_NOTIFICATIONS || kind == Fault.Kind.SLOW_REPLIES;
        if (delayed && (delay == null || delay.isZero())) {
            throw GwsException.missing("delay");
        }
        if (!delayed && delay != null) {
            throw GwsException.invalid("delay", "applies only to delayNotifications and slowReplies");
        }
        Map<String, Object> reply = new LinkedHashMap<>(Reply.ok());
        reply.put("fault", faults.add(kind, scope, count == null ? 0 : count, duration, statusCode, statusMessage, delay));
        return reply;
    }

    private Fault.Scope scope(Fault.Kind kind, Params params) {
        String user = params.optionalText("user");
        String dn = params.optionalText("dn");
        String number = params.optionalText("number");
        Boolean everyone = params.optionalBoolean("everyone");
        if (everyone != null && !everyone) {
            throw GwsException.invalid("everyone", "is true or left out");
        }
        int given = (user != null ? 1 : 0) + (dn != null ? 1 : 0) + (number != null ? 1 : 0) + (everyone != null ? 1 : 0);
        if (given > 1) {
            throw GwsException.invalid("user", "give one of user, dn, number or everyone, not several");
        }
        if (given == 0 && kind.scopes.equals(Set.of(Fault.Scope.Type.EVERYONE))) {
            everyone = true;
        }
        Fault.Scope.Type type = user != null ? Fault.Scope.Type.USER : dn != null ? Fault.Scope.Type.DN : number != null ? Fault.Scope.Type.NUMBER
                : everyone != null ? Fault.Scope.Type.EVERYONE : null;
        if (type == null) {
            throw new GwsException(StatusCode.MISSING_PARAMETER, kind.isNumber() ? "Missing parameter: number (the external number)"
                    : "Give whom " + kind.wire + " is for: user (a user name), dn (the user whose device it is) or everyone: true");
        }
        if (!kind.scopes.contains(type)) {
            throw GwsException.invalid(type.name().toLowerCase(java.util.Locale.ROOT), kind.wire + " is for " + kind.scopes.stream()
                    .map(t -> t == Fault.Scope.Type.EVERYONE ? "everyone" : t.name().toLowerCase(java.util.Locale.ROOT)).sorted()
                    .collect(Collectors.joining(" or ")) + " only");
        }
        return switch (type) {
            case USER -> new Fault.Scope(type, user, users.byName(user).map(User::id)
                    .orElseThrow(() -> GwsException.invalid("user", "no user is named '" + user + "'")));
            case DN -> {
                Device device = devices.byDn(dn).orElseThrow(() -> GwsException.invalid("dn", "no device has the number '" + dn + "'"));
                if (device.ownerId() == null) {
                    throw GwsException.invalid("dn", "device '" + dn + "' belongs to nobody");
                }
                yield new Fault.Scope(type, dn, device.ownerId());
            }
            case NUMBER -> {
                if (devices.byDn(number).isPresent() || !number.matches("\\+?[0-9*#]{1,32}")) {
                    throw GwsException.invalid("number", "must be an external number (digits, not a DN), was '" + number + "'");
                }
                yield new Fault.Scope(type, number, null);
            }
            case EVERYONE -> new Fault.Scope(type, null, null);
        };
    }

    private static Integer count(Params params) {
        JsonNode value = params.raw("count");
        if (value == null) {
            return null;
        }
        if (!value.isInt() || value.intValue() < 1 || value.intValue() > Faults.MAX_COUNT) {
            throw GwsException.invalid("count", "must be a whole number from 1 to " + Faults.MAX_COUNT + ", was " + Params.describe(value));
        }
        return value.intValue();
    }

    private static Duration duration(Params params, String name, Duration max) {
        JsonNode value = params.raw(name);
        if (value == null) {
            return null;
        }
        Duration duration = value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= max.toSeconds()
                ? Duration.ofMillis(Math.round(value.asDouble() * 1000))
                : value.isTextual() ? HumanDuration.parse(value.textValue()).orElse(null) : null;
        if (duration == null || duration.isNegative() || duration.compareTo(max) > 0) {
            throw GwsException.invalid(name, "must be a duration up to " + max.toSeconds() + "s such as 30s, 500ms, 2m or a number of seconds, was "
                    + Params.describe(value));
        }
        return duration;
    }

    private static StatusCode statusCode(Params params) {
        JsonNode value = params.raw("statusCode");
        if (value == null) {
            return StatusCode.INTERNAL_ERROR;
        }
        if (value.isInt()) {
            for (StatusCode code : StatusCode.values()) {
                // the first row of a code is its usual HTTP status; success codes refuse nothing
                if (code.code() == value.intValue() && code.httpStatus() >= 400) {
                    return code;
                }
            }
        }
        throw GwsException.invalid("statusCode", "must be an error code of GWS's table (" + Arrays.stream(StatusCode.values())
                .filter(c -> c.httpStatus() >= 400).map(c -> String.valueOf(c.code())).distinct().collect(Collectors.joining(", "))
                + "), was " + Params.describe(value));
    }
}
