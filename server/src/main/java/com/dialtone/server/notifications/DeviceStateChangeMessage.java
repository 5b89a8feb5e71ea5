package com.dialtone.server.notifications;

import com.dialtone.server.devices.DeviceResource;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The {@code data} of a notification about a device: its agent state, do-not-disturb, forwarding or monitoring. */
@JsonPropertyOrder({"messageType", "devices"})
public record DeviceStateChangeMessage(String messageType, List<DeviceResource> devices) {

    static DeviceStateChangeMessage of(DeviceResource device) {
        return new DeviceStateChangeMessage("DeviceStateChangeMessage", List.of(device));
    }
}
