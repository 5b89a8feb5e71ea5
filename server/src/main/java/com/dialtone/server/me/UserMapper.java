package com.dialtone.server.me;

import com.dialtone.server.auth.User;
import com.dialtone.server.calls.CallResource;
import com.dialtone.server.devices.DeviceResource;
import com.dialtone.server.http.PublicUrls;
import java.util.List;

/**
 * Turns a user into the GWS user resource. The only place that does: {@code GET /me} and the
 * provisioning API's {@code /users} both come from here, so a user looks the same in both.
 */
public final class UserMapper {

    /** One contact centre per server; its id only has to be stable. */
    static final String CONTACT_CENTER_ID = "6d7a6b2e-0f3c-4c51-9b8e-4449a1a1e001";

    private final PublicUrls urls;

    public UserMapper(PublicUrls urls) {
        this.urls = urls;
    }

    public UserResource toResource(User user) {
        return toResource(user, null, null, null);
    }

    /** With the sub-collections asked for; null ones are left out. */
    public UserResource toResource(User user, List<DeviceResource> devices, List<CallResource> calls, List<?> features) {
        long wrapUpSeconds = user.wrapUpTime() == null ? 0 : user.wrapUpTime().toSeconds();
        return new UserResource(user.id(), user.userName(), "", user.firstName(), user.lastName(),
                user.emailAddress() == null ? "" : user.emailAddress(),
                user.roles(), user.enabled(), user.changePasswordOnFirstLogin(), CONTACT_CENTER_ID, user.routingPoints(),
                wrapUpSeconds, devices, calls, features, urls.user(user.id()), path(user.id()));
    }

    public static String path(String userId) {
        return "/users/" + userId;
    }
}
