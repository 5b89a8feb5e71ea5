package com.dialtone.server.devices;

import com.dialtone.server.agents.UserState;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The GWS device resource, keys in the order of a real GWS 8.5.202 reply. {@code description},
 * {@code e164Number} and {@code dynamicPhoneNumber} are always there, empty when there is nothing to say;
 * {@code userState} is left out on an {@code Inactive} device, as GWS does; {@code forwardTo} is there only
 * while forwarding is on, and {@code supervisorMonitoringState} only while the device's supervisor monitors
 * someone. {@code uri} and {@code path} are Dialtone's (GWS leaves them out; clients build them themselves).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "deviceState", "userState", "phoneNumber", "description", "e164Number", "telephonyNetwork", "doNotDisturb",
        "forwardTo", "voiceEnvironmentUri", "capabilities", "supervisorMonitoringState", "channels", "dynamicPhoneNumber", "uri", "path"})
public record DeviceResource(String id, String deviceState, UserState userState, String phoneNumber, String description, String e164Number,
                             String telephonyNetwork, String doNotDisturb, String forwardTo, String voiceEnvironmentUri,
                             List<String> capabilities, MonitoringState supervisorMonitoringState, List<String> channels,
                             String dynamicPhoneNumber, String uri, String path) {

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
