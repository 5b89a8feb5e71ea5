package com.dialtone.server.provisioning;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.User;
import com.dialtone.server.directory.Device;
import com.dialtone.server.devices.DeviceCapabilities;
import com.dialtone.server.devices.DeviceMapper;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.Fields;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Devices for administrators ({@code /api/v2/devices}, {@code /api/v2/users/{id}/devices}) and an agent's
 * own new device ({@code POST /api/v2/me/devices}). {@code GET /api/v2/devices/{id}} is also every user's
 * {@code deviceUri}: a user sees their own device there whatever the features, an administrator any.
 * The resource is the one {@link DeviceMapper} makes, as everywhere.
 */
final class ProvisioningDevicesResource {

    private final DeviceProvisioning provisioning;
    private final UserProvisioning users;
    private final Devices devices;
    private final Access access;
    private final DeviceMapper mapper;
    private final PublicUrls urls;

    ProvisioningDevicesResource(DeviceProvisioning provisioning, UserProvisioning users, Provisioning core, Access access,
                                DeviceMapper mapper, PublicUrls urls) {
        this.provisioning = provisioning;
        this.users = users;
        this.devices = core.devices();
        this.access = access;
        this.mapper = mapper;
        this.urls = urls;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/devices", request -> {
                    access.admin(request, Access.READ);
                    return list(request, devices.all());
                }),
                Route.post("/devices", request -> {
                    access.admin(request, Access.WRITE);
                    return created(provisioning.create(phoneNumber(request, Bodies.creating("id", "uri", "path")), null));
                }),
                Route.get("/devices/{id}", this::get),
                Route.put("/devices/{id}", this::renumber),
                Route.delete("/devices/{id}", request -> {
                    access.admin(request, Access.WRITE);
                    provisioning.delete(request.path("id"));
                    return Reply.ok();
                }),
                Route.get("/users/{id}/devices", request -> {
                    access.admin(request, Access.READ);
                    return list(request, devices.ownedBy(users.existing(request.path("id")).id()));
                }),
                Route.post("/users/{id}/devices", request -> {
                    access.admin(request, Access.WRITE);
                    User owner = users.existing(request.path("id"));
                    if (!owner.hasRole(Access.AGENT) && !owner.hasRole(DeviceCapabilities.SUPERVISOR_ROLE)) {
                        throw new GwsException(StatusCode.INVALID_STATE, "User '" + owner.userName()
                                + "' cannot have a device: that needs ROLE_AGENT or ROLE_SUPERVISOR");
                    }
                    return created(provisioning.assign(phoneNumber(request, Bodies.creating("id", "uri", "path")), owner.id()));
                }),
                Route.post("/me/devices", request -> {
                    access.feature(Access.WRITE);
                    User me = Access.role(request, Access.AGENT);
                    return created(provisioning.assign(phoneNumber(request, Bodies.creating("id", "uri", "path")), me.id()));
                }));
    }

    private Map<String, Object> get(ApiRequest request) {
        String id = request.path("id");
        Device device = devices.ownedBy(request.user().id(), id).orElse(null);
        if (device == null && request.user().hasRole(Access.ADMIN)) {
            access.feature(Access.READ);
            device = devices.byId(id).orElse(null);
        }
        if (device == null) {
            throw GwsException.notFound("Device " + id); // another user's device looks exactly like a missing one
        }
        return Reply.ok("device", mapper.toResource(device));
    }

    private Map<String, Object> renumber(ApiRequest request) throws Exception {
        access.admin(request, Access.WRITE);
        Device device = provisioning.existing(request.path("id"));
        String number = phoneNumber(request, Map.of("id", device.id(), "uri", urls.device(device.id()), "path", path(device.id())));
        provisioning.renumber(device.id(), number);
        return Reply.ok();
    }

    private Map<String, Object> list(ApiRequest request, java.util.Collection<Device> listed) {
        List<Device> sorted = listed.stream().sorted(Comparator.comparing(Device::phoneNumber)).toList();
        Set<String> fields = request.queryList("fields");
        if (fields.isEmpty()) {
            return Reply.ok("uris", sorted.stream().map(d -> urls.device(d.id())).toList());
        }
        return Reply.ok("devices", Fields.select(sorted.stream().map(mapper::toResource).toList(), fields));
    }

    /** The body's {@code phoneNumber}, checked; the only device field that can be set. */
    private String phoneNumber(ApiRequest request, Map<String, String> readOnly) throws Exception {
        Params params = Params.of(request.body());
        Bodies.check(params, Set.of("phoneNumber"), readOnly);
        return provisioning.checkNumber(params.requiredText("phoneNumber"));
    }

    private Map<String, Object> created(Device device) {
        return Created.reply(device.id(), urls.device(device.id()), path(device.id()));
    }

    private static String path(String deviceId) {
        return "/devices/" + deviceId;
    }
}
