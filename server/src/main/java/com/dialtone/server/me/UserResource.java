package com.dialtone.server.me;

import com.dialtone.server.agents.ChannelsResource;
import com.dialtone.server.calls.CallResource;
import com.dialtone.server.devices.DeviceResource;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The GWS user resource; {@code devices}, {@code calls} and {@code channels} only with {@code subresources}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "userName", "firstName", "lastName", "roles", "enabled", "changePasswordOnFirstLogin",
        "contactCenterId", "devices", "calls", "channels", "uri", "path"})
public record UserResource(String id, String userName, String firstName, String lastName, List<String> roles,
                           boolean enabled, boolean changePasswordOnFirstLogin, String contactCenterId,
                           List<DeviceResource> devices, List<CallResource> calls,
                           List<ChannelsResource.ChannelState> channels, String uri, String path) {
}
