package com.dialtone.server.agents;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.User;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.AgentState;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Switch;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v2/me/channels}: the user's media channels and the agent state on each. Dialtone serves
 * one, {@code voice}, whose state is the agent state on the user's devices.
 */
public final class ChannelsResource {

    /** One channel and the agent's state on it. */
    @JsonPropertyOrder({"channel", "userState"})
    public record ChannelState(String channel, UserState userState) {
    }

    private final Switch telephony;
    private final Devices devices;
    private final AgentStateOperations agentStates;

    public ChannelsResource(Switch telephony, Devices devices, AgentStateOperations agentStates) {
        this.telephony = telephony;
        this.devices = devices;
        this.agentStates = agentStates;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/me/channels", request -> Reply.ok("channels", of(request.user()))),
                Route.post("/me/channels/{channel}", this::perform));
    }

    /** The user's channels; none for a user without a device. */
    public List<ChannelState> of(User user) {
        List<Device> owned = devices.ownedBy(user.id());
        if (owned.isEmpty()) {
            return List.of();
        }
        AgentState state = telephony.dn(owned.get(0).phoneNumber()).map(DnSnapshot::agentState).orElse(AgentState.LOGGED_OUT);
        return List.of(new ChannelState(ContactCenterSession.VOICE, UserState.of(state)));
    }

    private Map<String, Object> perform(ApiRequest request) throws Exception {
        String channel = request.path("channel");
        if (!channel.equals(ContactCenterSession.VOICE)) {
            throw new GwsException(StatusCode.NOT_FOUND, "Channel " + channel + " not found; Dialtone serves the voice channel");
        }
        Params params = Params.of(request.body());
        String name = params.requiredText("operationName");
        if (!AgentStateOperations.isAgentState(name)) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name
                    + "' for the voice channel; known: AfterCallWork, AuxWork, NotReady, Ready");
        }
        agentStates.perform(devices.ownedBy(request.user().id()), name, params);
        return Reply.ok();
    }
}
