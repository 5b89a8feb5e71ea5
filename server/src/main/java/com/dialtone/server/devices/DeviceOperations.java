package com.dialtone.server.devices;

import com.dialtone.server.agents.AgentStateOperations;
import com.dialtone.server.api.Features;
import com.dialtone.server.auth.User;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.SwitchResults;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.Switch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v2/me/devices/{id}}: do-not-disturb, forwarding and supervisor monitoring, each checked
 * against the device's {@code capabilities} first; and the agent states, which real clients send here too.
 * The result comes as a {@code DeviceStateChangeMessage}.
 */
public final class DeviceOperations {

    private static final Set<String> MONITORING = Set.of("ListenIn", "Coach", "BargeIn", "CancelSupervisorMonitoring");
    private static final List<String> KNOWN = List.of("AfterCallWork", "AuxWork", "BargeIn", "CancelSupervisorMonitoring", "Coach",
            "DoNotDisturbOff", "DoNotDisturbOn", "ForwardCallsOff", "ForwardCallsOn", "ListenIn", "NotReady", "Ready");

    private final Switch telephony;
    private final Devices devices;
    private final AgentStateOperations agentStates;
    private final Features features;

    public DeviceOperations(Switch telephony, Devices devices, AgentStateOperations agentStates, Features features) {
        this.telephony = telephony;
        this.devices = devices;
        this.agentStates = agentStates;
        this.features = features;
    }

    public Map<String, Object> perform(User user, Device device, JsonNode body) {
        Params params = Params.of(body);
        String name = params.requiredText("operationName");
        if (AgentStateOperations.isAgentState(name)) {
            agentStates.perform(List.of(device), name, params);
            return Reply.ok();
        }
        if (!KNOWN.contains(name)) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name + "' for a device; known: " + String.join(", ", KNOWN));
        }
        if (MONITORING.contains(name) && !user.roles().contains(DeviceCapabilities.SUPERVISOR_ROLE)) {
            throw new GwsException(StatusCode.NO_PERMISSION, name + " needs the role " + DeviceCapabilities.SUPERVISOR_ROLE);
        }
        DnSnapshot dn = telephony.dn(device.phoneNumber()).orElseThrow(() -> GwsException.notFound("Device " + device.id()));
        List<String> capabilities = DeviceCapabilities.of(dn, user, features);
        if (!capabilities.contains(name)) {
            boolean unassigned = MONITORING.contains(name) && !features.assigned(Features.SUPERVISOR_MONITORING);
            throw new GwsException(StatusCode.INVALID_STATE, name + " is not available on this device now"
                    + (unassigned ? " (the feature " + Features.SUPERVISOR_MONITORING + " is not assigned)" : "")
                    + "; available: " + String.join(", ", capabilities));
        }
        String number = device.phoneNumber();
        SwitchResults.await(switch (name) {
            case "DoNotDisturbOn" -> telephony.setDoNotDisturb(number, true);
            case "DoNotDisturbOff" -> telephony.setDoNotDisturb(number, false);
            case "ForwardCallsOn" -> telephony.setForwarding(number, forwardDestination(params));
            case "ForwardCallsOff" -> telephony.setForwarding(number, null);
            case "ListenIn" -> telephony.startMonitoring(number, monitoring(device, MonitoringMode.LISTEN_IN, params));
            case "Coach" -> telephony.startMonitoring(number, monitoring(device, MonitoringMode.COACH, params));
            case "BargeIn" -> telephony.startMonitoring(number, monitoring(device, MonitoringMode.BARGE_IN, params));
            case "CancelSupervisorMonitoring" -> telephony.cancelMonitoring(number);
            default -> throw new IllegalStateException(name);
        });
        return Reply.ok();
    }

    /** GWS sends ForwardCallsOn's destination as a plain string; the object form of call operations is accepted too. */
    private static String forwardDestination(Params params) {
        JsonNode raw = params.raw("destination");
        if (raw != null && raw.isObject()) {
            return params.requiredObject("destination").requiredText("phoneNumber");
        }
        return params.requiredText("destination");
    }

    /** {@code targetDeviceUri} (a device URI, path or id) or, as the latest GWS pages allow, {@code phoneNumber}. */
    private Monitoring monitoring(Device supervisor, MonitoringMode mode, Params params) {
        String uri = params.optionalText("targetDeviceUri");
        String phoneNumber = params.optionalText("phoneNumber");
        Device target;
        if (uri != null) {
            target = devices.byId(PublicUrls.idIn(uri)).orElseThrow(() -> GwsException.invalid("targetDeviceUri", "there is no device at '" + uri + "'"));
        } else if (phoneNumber != null) {
            target = devices.byDn(phoneNumber).orElseThrow(() -> GwsException.invalid("phoneNumber", "there is no device with number " + phoneNumber));
        } else {
            throw GwsException.missing("targetDeviceUri");
        }
        if (target.id().equals(supervisor.id())) {
            throw GwsException.invalid("targetDeviceUri", "a supervisor cannot monitor its own device");
        }
        return new Monitoring(target.phoneNumber(), mode, MonitoringNames.scope(params.optionalText("supervisorMonitoringScope")),
                MonitoringNames.nextCallOnly(params.optionalText("supervisorMonitoringMode")));
    }
}
