package com.dialtone.server.devices;

import com.dialtone.server.agents.UserState;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The GWS device resource. {@code forwardTo} is there only while forwarding is on, and
 * {@code supervisorMonitoringState} only while the device's supervisor monitors someone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "deviceState", "userState", "phoneNumber", "telephonyNetwork", "doNotDisturb", "forwardTo",
        "capabilities", "supervisorMonitoringState", "channels", "uri", "path"})
public record DeviceResource(String id, String deviceState, UserState userState, String phoneNumber,
                             String telephonyNetwork, String doNotDisturb, String forwardTo, List<String> capabilities,
                             MonitoringState supervisorMonitoringState, List<String> channels, String uri, String path) {

    /**
     * What the supervisor on this device monitors.
     *
     * @param state ListenIn, Coach or BargeIn
     * @param mode  AllCalls or NextCall
     * @param scope Call or Agent
     */
    @JsonPropertyOrder({"state", "mode", "scope", "targetDeviceUri"})
    public record MonitoringState(String state, String mode, String scope, String targetDeviceUri) {
    }
}
