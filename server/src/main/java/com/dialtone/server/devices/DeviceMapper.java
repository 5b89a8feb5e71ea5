package com.dialtone.server.devices;

import com.dialtone.server.http.PublicUrls;
import java.util.List;

/** Turns a device into the GWS device resource. */
public final class DeviceMapper {

    private final PublicUrls urls;

    public DeviceMapper(PublicUrls urls) {
        this.urls = urls;
    }

    // Agent states and device operations (DND, forwarding) are not served yet, so the device advertises
    // no capabilities and shows the state an agent has after login: Not Ready.
    public DeviceResource toResource(Device device) {
        return new DeviceResource(device.id(), "Active", DeviceResource.UserState.NOT_READY, device.phoneNumber(),
                "Private", "Off", List.of(), urls.device(device.id()), "/devices/" + device.id());
    }
}
