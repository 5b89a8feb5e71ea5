package com.dialtone.server.me;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.User;
import com.dialtone.server.calls.CallsResource;
import com.dialtone.server.devices.DevicesResource;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.Reply;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v2/me}: the logged-in user. {@code ?subresources=*} (or a list such as
 * {@code devices,calls}) embeds what this server has of the user's sub-collections, which is how a
 * desktop recovers its state in one request; names it does not serve yet (skills, settings, features
 * ...) are ignored, as real clients ask for them.
 */
public final class MeResource {

    /** One contact centre per server; its id only has to be stable. */
    static final String CONTACT_CENTER_ID = "6d7a6b2e-0f3c-4c51-9b8e-4449a1a1e001";

    private final DevicesResource devices;
    private final CallsResource calls;
    private final PublicUrls urls;

    public MeResource(DevicesResource devices, CallsResource calls, PublicUrls urls) {
        this.devices = devices;
        this.calls = calls;
        this.urls = urls;
    }

    public List<Route> routes() {
        return List.of(Route.get("/me", this::get));
    }

    private Map<String, Object> get(ApiRequest request) {
        User user = request.user();
        Set<String> wanted = request.queryList("subresources");
        boolean all = wanted.contains("*");
        return Reply.ok("user", new UserResource(user.id(), user.userName(), user.firstName(), user.lastName(),
                user.roles(), true, false, CONTACT_CENTER_ID,
                all || wanted.contains("devices") ? devices.resourcesOf(user) : null,
                all || wanted.contains("calls") ? calls.resourcesOf(user) : null,
                urls.user(user.id()), "/users/" + user.id()));
    }
}
