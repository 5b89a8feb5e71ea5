package com.dialtone.server.devices;

import com.dialtone.server.api.Features;
import com.dialtone.server.auth.User;
import com.dialtone.switching.DnSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The device operations ({@code POST /api/v2/me/devices/{id}}) available now, as GWS lists them in the
 * device's {@code capabilities}: do-not-disturb and forwarding, each the one that changes the current
 * setting; and for a supervisor the monitoring operations, the three that start it while idle and the
 * one that cancels it while monitoring, unless the feature {@code api-supervisor-monitoring} is not
 * assigned. Agent states are not device capabilities in GWS.
 */
public final class DeviceCapabilities {

    public static final String SUPERVISOR_ROLE = "ROLE_SUPERVISOR";

    private DeviceCapabilities() {
    }

    public static List<String> of(DnSnapshot dn, User owner, Features features) {
        List<String> allowed = new ArrayList<>(4);
        allowed.add(dn.doNotDisturb() ? "DoNotDisturbOff" : "DoNotDisturbOn");
        allowed.add(dn.forwardTo() != null ? "ForwardCallsOff" : "ForwardCallsOn");
        if (owner != null && owner.roles().contains(SUPERVISOR_ROLE)) {
            if (dn.monitoring() == null) {
                if (features.assigned(Features.SUPERVISOR_MONITORING)) {
                    allowed.addAll(List.of("ListenIn", "Coach", "BargeIn"));
                }
            } else {
                // Always a way out: a supervisor monitoring when the feature was unassigned can still stop.
                allowed.add("CancelSupervisorMonitoring");
            }
        }
        return allowed;
    }
}
