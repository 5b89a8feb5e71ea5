package com.dialtone.server.agents;

import com.dialtone.server.http.SwitchResults;
import com.dialtone.server.directory.Device;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.AgentState;
import com.dialtone.switching.Switch;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The GWS agent-state operations of the voice channel: {@code Ready}, {@code NotReady},
 * {@code AfterCallWork} (with an optional {@code wrapUpTime}) and {@code AuxWork}. GWS documents them on
 * {@code /api/v2/me/channels/voice}; real clients also send them to {@code /api/v2/me} and to a device,
 * so all three lead here. The result comes as a {@code DeviceStateChangeMessage}.
 */
public final class AgentStateOperations {

    private static final Map<String, AgentState> STATES = Map.of(
            "Ready", AgentState.READY,
            "NotReady", AgentState.NOT_READY,
            "AfterCallWork", AgentState.AFTER_CALL_WORK,
            "AuxWork", AgentState.AUX_WORK);

    private final Switch telephony;

    public AgentStateOperations(Switch telephony) {
        this.telephony = telephony;
    }

    public static boolean isAgentState(String operationName) {
        return STATES.containsKey(operationName);
    }

    /** Sets the state on each of the devices (a user's voice channel is all of the user's devices). */
    public void perform(List<Device> devices, String operationName, Params params) {
        AgentState state = STATES.get(operationName);
        if (state == null) {
            throw new IllegalArgumentException(operationName + " is not an agent state operation");
        }
        Duration wrapUpTime = state == AgentState.AFTER_CALL_WORK ? wrapUpTime(params.raw("wrapUpTime")) : null;
        if (devices.isEmpty()) {
            throw new GwsException(StatusCode.INVALID_STATE, operationName + " needs a device; this user has none");
        }
        for (Device device : devices) {
            SwitchResults.await(telephony.setAgentState(device.phoneNumber(), state, wrapUpTime));
        }
    }

    /**
     * {@code wrapUpTime}: seconds as a string (GWS sends it as one, as the T-Server extension it becomes) or
     * a number. Absent, {@code 0} or {@code "untimed"}: the agent stays in after-call work until told
     * otherwise.
     */
    static Duration wrapUpTime(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        long seconds;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            seconds = value.longValue();
        } else if (value.isTextual() && value.textValue().equalsIgnoreCase("untimed")) {
            return null;
        } else if (value.isTextual() && value.textValue().matches("[0-9]{1,9}")) {
            seconds = Long.parseLong(value.textValue());
        } else {
            throw GwsException.invalid("wrapUpTime", "must be a number of seconds or \"untimed\", was " + value);
        }
        if (seconds < 0 || seconds > 86_400) {
            throw GwsException.invalid("wrapUpTime", "must be 0 to 86400 seconds, was " + seconds);
        }
        return seconds == 0 ? null : Duration.ofSeconds(seconds);
    }
}
