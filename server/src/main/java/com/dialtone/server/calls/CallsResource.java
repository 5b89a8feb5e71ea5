package com.dialtone.server.calls;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.Fields;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v2/me/calls}: the user's calls, and operations on them; and Dial, which makes one. */
public final class CallsResource {

    private final UserCalls calls;
    private final CallMapper mapper;
    private final CallOperations operations;
    private final DialOperation dial;
    private final Devices devices;
    private final PublicUrls urls;

    public CallsResource(UserCalls calls, CallMapper mapper, CallOperations operations, DialOperation dial, Devices devices,
                         PublicUrls urls) {
        this.calls = calls;
        this.dial = dial;
        this.devices = devices;
        this.mapper = mapper;
        this.operations = operations;
        this.urls = urls;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/me/calls", this::list),
                Route.get("/me/calls/{id}", this::get),
                Route.post("/me/calls/{id}", request -> operations.perform(request.user(), request.path("id"), request.body())),
                Route.post("/me/devices/{id}/calls", this::dial));
    }

    /** The user's calls as resources, for {@code /me?subresources=calls} too. */
    public List<CallResource> resourcesOf(com.dialtone.server.auth.User user) {
        Instant now = Instant.now();
        return calls.of(user).stream().map(view -> mapper.toResource(view, now)).toList();
    }

    private Map<String, Object> list(ApiRequest request) {
        Set<String> fields = request.queryList("fields");
        if (fields.isEmpty()) {
            return Reply.ok("uris", calls.of(request.user()).stream().map(view -> urls.call(view.id())).toList());
        }
        return Reply.ok("calls", Fields.select(resourcesOf(request.user()), fields));
    }

    /** Dial on one of the user's devices; another user's device looks exactly like a missing one. */
    private Map<String, Object> dial(ApiRequest request) throws java.io.IOException {
        String id = request.path("id");
        Device device = devices.ownedBy(request.user().id(), id).orElseThrow(() -> GwsException.notFound("Device " + id));
        return dial.perform(device, request.body());
    }

    private Map<String, Object> get(ApiRequest request) {
        return Reply.ok("call", mapper.toResource(calls.find(request.user(), request.path("id")), Instant.now()));
    }
}
