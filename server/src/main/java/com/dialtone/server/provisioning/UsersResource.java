package com.dialtone.server.provisioning;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.User;
import com.dialtone.server.auth.Users;
import com.dialtone.server.devices.DeviceMapper;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.Fields;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.Reply;
import com.dialtone.server.me.UserMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v2/users} and {@code /api/v2/users/{id}}: the contact centre's users, for administrators.
 * GETs need the feature {@code api-provisioning-read}, changes {@code api-provisioning-write}.
 */
final class UsersResource {

    private final UserProvisioning provisioning;
    private final Users users;
    private final Devices devices;
    private final Access access;
    private final UserMapper mapper;
    private final DeviceMapper deviceMapper;
    private final PublicUrls urls;
    private final Set<String> routingPoints;

    UsersResource(UserProvisioning provisioning, Provisioning core, Access access, UserMapper mapper, DeviceMapper deviceMapper,
                  PublicUrls urls) {
        this.provisioning = provisioning;
        this.users = core.users();
        this.devices = core.devices();
        this.access = access;
        this.mapper = mapper;
        this.deviceMapper = deviceMapper;
        this.urls = urls;
        this.routingPoints = core.routingPoints();
    }

    List<Route> routes() {
        return List.of(
                Route.get("/users", this::list),
                Route.post("/users", this::create),
                Route.get("/users/{id}", this::get),
                Route.put("/users/{id}", this::update),
                Route.delete("/users/{id}", this::delete));
    }

    private Map<String, Object> list(ApiRequest request) {
        access.admin(request, Access.READ);
        List<User> all = users.all().stream().sorted(Comparator.comparing(User::userName)).toList();
        Set<String> fields = request.queryList("fields");
        if (fields.isEmpty()) {
            return Reply.ok("uris", all.stream().map(u -> urls.user(u.id())).toList());
        }
        return Reply.ok("users", Fields.select(all.stream().map(mapper::toResource).toList(), fields));
    }

    private Map<String, Object> get(ApiRequest request) {
        access.admin(request, Access.READ);
        User user = provisioning.existing(request.path("id"));
        Set<String> wanted = request.queryList("subresources");
        boolean withDevices = wanted.contains("*") || wanted.contains("devices");
        return Reply.ok("user", mapper.toResource(user,
                withDevices ? devices.ownedBy(user.id()).stream().map(deviceMapper::toResource).toList() : null, null, null));
    }

    private Map<String, Object> create(ApiRequest request) throws Exception {
        access.admin(request, Access.WRITE);
        User user = provisioning.create(UserChanges.forCreate(Params.of(request.body()), routingPoints));
        return Created.reply(user.id(), urls.user(user.id()), UserMapper.path(user.id()));
    }

    private Map<String, Object> update(ApiRequest request) throws Exception {
        User caller = access.admin(request, Access.WRITE);
        User user = provisioning.existing(request.path("id"));
        Map<String, String> readOnly = Map.of("id", user.id(), "uri", urls.user(user.id()), "path", UserMapper.path(user.id()),
                "contactCenterId", mapper.toResource(user).contactCenterId());
        provisioning.update(user.id(), UserChanges.forUpdate(Params.of(request.body()), readOnly, routingPoints), caller);
        return Reply.ok();
    }

    private Map<String, Object> delete(ApiRequest request) {
        User caller = access.admin(request, Access.WRITE);
        provisioning.delete(request.path("id"), caller);
        return Reply.ok();
    }
}
