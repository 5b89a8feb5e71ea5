package com.dialtone.server.agents;

import com.dialtone.switching.AgentState;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The GWS {@code userState} of an agent: the switch's agent state with the constant ids and display names
 * GWS uses for its system states. After-call work and aux work are GWS {@code NotReady} states with a
 * {@code workMode}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "displayName", "state", "workMode"})
public record UserState(String id, String displayName, String state, String workMode) {

    static final UserState LOGGED_OUT = new UserState(null, "Logged Out", "LoggedOut", null);
    static final UserState NOT_READY = new UserState("900D55CC-2BB0-431F-8BF9-D3525B383BE6", "Not Ready", "NotReady", null);
    static final UserState READY = new UserState("9430250E-0A1B-421F-B372-F29E69366DED", "Ready", "Ready", null);
    static final UserState AFTER_CALL_WORK = new UserState("D3663509-3D82-4DD3-A82E-2EA8EFA02AEF", "AfterCallWork", "NotReady", "AfterCallWork");
    static final UserState AUX_WORK = new UserState("2B36138D-C564-4562-A8CB-3C32D564F296", "AuxWork", "NotReady", "AuxWork");

    public static UserState of(AgentState state) {
        return switch (state) {
            case LOGGED_OUT -> LOGGED_OUT;
            case NOT_READY -> NOT_READY;
            case READY -> READY;
            case AFTER_CALL_WORK -> AFTER_CALL_WORK;
            case AUX_WORK -> AUX_WORK;
        };
    }
}
