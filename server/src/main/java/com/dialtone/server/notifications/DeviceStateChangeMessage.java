package com.dialtone.server.notifications;

import com.dialtone.server.devices.DeviceResource;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code data} of a notification about a device: its agent state, do-not-disturb, forwarding or monitoring.
 * Keys in the order of a real GWS 8.5.202 message, with {@code metrics} as on call messages.
 */
@JsonPropertyOrder({"devices", "messageType", "metrics"})
public record DeviceStateChangeMessage(List<DeviceResource> devices, String messageType, Metrics metrics) {

    static DeviceStateChangeMessage of(DeviceResource device, Metrics metrics) {
        return new DeviceStateChangeMessage(List.of(device), "DeviceStateChangeMessage", metrics);
    }
}
