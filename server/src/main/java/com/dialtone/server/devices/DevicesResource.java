package com.dialtone.server.devices;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.User;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.Fields;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.Reply;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v2/me/devices} and operations on a device. {@code /api/v2/devices/{id}} (the address GWS puts
 * in {@code deviceUri}) is served by provisioning, which shows a user their own device there, and an
 * administrator any; {@code POST /api/v2/me/devices/{id}/calls} (Dial) by {@code calls/CallsResource}.
 */
public final class DevicesResource {

    private final Devices devices;
    private final DeviceMapper mapper;
    private final DeviceOperations operations;
    private final PublicUrls urls;

    public DevicesResource(Devices devices, DeviceMapper mapper, DeviceOperations operations, PublicUrls urls) {
        this.devices = devices;
        this.mapper = mapper;
        this.operations = operations;
        this.urls = urls;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/me/devices", this::list),
                Route.get("/me/devices/{id}", this::get),
                Route.post("/me/devices/{id}", request -> operations.perform(request.user(), owned(request), request.body())));
    }

    public List<DeviceResource> resourcesOf(User user) {
        return devices.ownedBy(user.id()).stream().map(mapper::toResource).toList();
    }

    private Map<String, Object> list(ApiRequest request) {
        Set<String> fields = request.queryList("fields");
        if (fields.isEmpty()) {
            return Reply.ok("uris", devices.ownedBy(request.user().id()).stream().map(d -> urls.device(d.id())).toList());
        }
        return Reply.ok("devices", Fields.select(resourcesOf(request.user()), fields));
    }

    private Map<String, Object> get(ApiRequest request) {
        return Reply.ok("device", mapper.toResource(owned(request)));
    }

    /** Another user's device looks exactly like a missing one. */
    private Device owned(ApiRequest request) {
        String id = request.path("id");
        return devices.ownedBy(request.user().id(), id).orElseThrow(() -> GwsException.notFound("Device " + id));
    }
}
