package com.dialtone.server.devices;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The GWS device resource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "deviceState", "userState", "phoneNumber", "telephonyNetwork", "doNotDisturb", "capabilities", "uri", "path"})
public record DeviceResource(String id, String deviceState, UserState userState, String phoneNumber,
                             String telephonyNetwork, String doNotDisturb, List<String> capabilities, String uri, String path) {

    /** The agent state on the device, with the constant ids GWS uses for its system states. */
    public record UserState(String id, String displayName, String state) {

        static final UserState NOT_READY = new UserState("900D55CC-2BB0-431F-8BF9-D3525B383BE6", "Not Ready", "NotReady");
    }
}
