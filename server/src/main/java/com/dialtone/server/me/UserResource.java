package com.dialtone.server.me;

import com.dialtone.server.calls.CallResource;
import com.dialtone.server.devices.DeviceResource;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The GWS user resource, the same on {@code /me} and {@code /users/{id}}, keys in the order of a real GWS
 * 8.5.202 reply. {@code password} is always {@code ""}, as in GWS: the hash never leaves the server.
 * {@code routingPoints} and {@code wrapUpTime} (seconds, 0 for none) are Dialtone's, for provisioning the
 * routing. {@code devices}, {@code calls} and {@code features} only with {@code subresources}; there is no
 * {@code channels}: GWS lists only multimedia channels there (voice is on the devices), and Dialtone has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "userName", "password", "firstName", "lastName", "emailAddress", "roles", "enabled", "devices", "calls",
        "changePasswordOnFirstLogin", "features", "contactCenterId", "routingPoints", "wrapUpTime", "uri", "path"})
public record UserResource(String id, String userName, String password, String firstName, String lastName, String emailAddress,
                           List<String> roles, boolean enabled, boolean changePasswordOnFirstLogin, String contactCenterId,
                           List<String> routingPoints, long wrapUpTime, List<DeviceResource> devices, List<CallResource> calls,
                           List<?> features, String uri, String path) {
}
