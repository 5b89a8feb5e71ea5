package com.dialtone.server.devices;

import com.dialtone.server.agents.UserState;
import com.dialtone.server.api.Features;
import com.dialtone.server.auth.Users;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.switching.AgentState;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.Switch;
import java.time.Instant;
import java.util.List;

/**
 * Turns a device and its DN's state on the switch into the GWS device resource. The only place that does:
 * GET replies and {@code DeviceStateChangeMessage}s both come from here.
 */
public final class DeviceMapper {

    private static final List<String> CHANNELS = List.of("voice");

    private final Switch telephony;
    private final Devices devices;
    private final Users users;
    private final PublicUrls urls;
    private final Features features;
    private final String voiceEnvironmentUri;
    private final java.util.function.BooleanSupplier switchLinked;

    public DeviceMapper(Switch telephony, Devices devices, Users users, PublicUrls urls, Features features, String voiceEnvironmentUri) {
        this(telephony, devices, users, urls, features, voiceEnvironmentUri, () -> true);
    }

    /**
     * @param switchLinked whether the link to the switch is up; while it is down (the test lab's fault) every
     *                     device is {@code Inactive}, as GWS shows devices when it has lost T-Server
     */
    public DeviceMapper(Switch telephony, Devices devices, Users users, PublicUrls urls, Features features, String voiceEnvironmentUri,
                        java.util.function.BooleanSupplier switchLinked) {
        this.switchLinked = switchLinked;
        this.voiceEnvironmentUri = voiceEnvironmentUri;
        this.telephony = telephony;
        this.devices = devices;
        this.users = users;
        this.urls = urls;
        this.features = features;
    }

    /**
     * The device as its DN is now. A DN the switch does not have (for the instant between provisioning
     * removing or renumbering it and the device leaving the registry) is shown {@code Inactive}, without a
     * {@code userState}, as GWS shows a DN that is not in service.
     */
    public DeviceResource toResource(Device device) {
        if (!switchLinked.getAsBoolean()) {
            return inactive(device);
        }
        return telephony.dn(device.phoneNumber()).map(dn -> toResource(device, dn, "Active"))
                .orElseGet(() -> inactive(device));
    }

    private DeviceResource inactive(Device device) {
        return toResource(device, new DnSnapshot(device.phoneNumber(), AgentState.LOGGED_OUT, Instant.EPOCH, null, false, null, null), "Inactive");
    }

    /** The device as the given state of its DN says, e.g. the state a switch event carries. */
    public DeviceResource toResource(Device device, DnSnapshot dn) {
        if (!switchLinked.getAsBoolean()) {
            return inactive(device);
        }
        return toResource(device, dn, "Active");
    }

    private DeviceResource toResource(Device device, DnSnapshot dn, String deviceState) {
        boolean active = deviceState.equals("Active");
        return new DeviceResource(device.id(), deviceState, active ? UserState.of(dn.agentState()) : null, device.phoneNumber(), "",
                device.phoneNumber().startsWith("+") ? device.phoneNumber() : "", "Private", dn.doNotDisturb() ? "On" : "Off", dn.forwardTo(),
                voiceEnvironmentUri, DeviceCapabilities.of(dn, users.byId(device.ownerId()).orElse(null), features),
                monitoringState(dn.monitoring()), CHANNELS, "", urls.device(device.id()), "/devices/" + device.id());
    }

    private DeviceResource.MonitoringState monitoringState(Monitoring monitoring) {
        if (monitoring == null) {
            return null;
        }
        String target = devices.byDn(monitoring.targetDn()).map(d -> urls.device(d.id())).orElse(null);
        return new DeviceResource.MonitoringState(MonitoringNames.of(monitoring.mode()),
                MonitoringNames.ofNextCallOnly(monitoring.nextCallOnly()), MonitoringNames.of(monitoring.scope()), target);
    }
}
