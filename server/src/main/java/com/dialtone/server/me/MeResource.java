package com.dialtone.server.me;

import com.dialtone.server.agents.AgentStateOperations;
import com.dialtone.server.agents.ChannelsResource;
import com.dialtone.server.agents.ContactCenterSession;
import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.PasswordChangeRequired;
import com.dialtone.server.auth.User;
import com.dialtone.server.calls.CallsResource;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.devices.DevicesResource;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code /api/v2/me}: the logged-in user. {@code GET ?subresources=*} (or a list such as
 * {@code devices,calls}) embeds what this server has of the user's sub-collections, which is how a
 * desktop recovers its state in one request, and {@code features}; names it does not serve (skills,
 * settings, {@code channels}: only multimedia channels are listed there, and Dialtone has none) are
 * ignored, as GWS leaves them out. {@code POST} starts and ends the contact-centre session,
 * takes the agent states real clients send here, and {@code ChangePassword}.
 */
public final class MeResource {

    private final DevicesResource devicesResource;
    private final CallsResource calls;
    private final ChannelsResource channels;
    private final Devices devices;
    private final ContactCenterSession session;
    private final AgentStateOperations agentStates;
    private final Consumer<String> httpSessionEnded;
    private final UserMapper users;
    private final PasswordChange passwordChange;
    private final java.util.function.Supplier<? extends List<?>> features;

    /**
     * @param httpSessionEnded told the id of each HTTP session that EndContactCenterSession ends
     */
    public MeResource(DevicesResource devicesResource, CallsResource calls, ChannelsResource channels, Devices devices,
                      ContactCenterSession session, AgentStateOperations agentStates, Consumer<String> httpSessionEnded,
                      UserMapper users, PasswordChange passwordChange, java.util.function.Supplier<? extends List<?>> features) {
        this.devicesResource = devicesResource;
        this.calls = calls;
        this.channels = channels;
        this.devices = devices;
        this.session = session;
        this.agentStates = agentStates;
        this.httpSessionEnded = httpSessionEnded;
        this.users = users;
        this.passwordChange = passwordChange;
        this.features = features;
    }

    public List<Route> routes() {
        // Both stay open to a user who must change their password: GET to see who they are, POST for ChangePassword.
        return List.of(Route.get("/me", this::get).beforePasswordChange(),
                Route.post("/me", this::perform).beforePasswordChange());
    }

    private Map<String, Object> get(ApiRequest request) {
        User user = request.user();
        Set<String> wanted = request.queryList("subresources");
        boolean all = wanted.contains("*");
        return Reply.ok("user", users.toResource(user,
                all || wanted.contains("devices") ? devicesResource.resourcesOf(user) : null,
                all || wanted.contains("calls") ? calls.resourcesOf(user) : null,
                all || wanted.contains("features") ? features.get() : null));
    }

    private Map<String, Object> perform(ApiRequest request) throws Exception {
        Params params = Params.of(request.body());
        String name = params.requiredText("operationName");
        if (name.equals("ChangePassword")) {
            Map<String, Object> reply = passwordChange.change(request.user(), request.httpSessionId(), params);
            request.ownPasswordChanged();
            return reply;
        }
        PasswordChangeRequired.check(request.user());
        List<Device> owned = devices.ownedBy(request.user().id());
        switch (name) {
            case "StartContactCenterSession" -> {
                return session.start(owned, params);
            }
            case "EndContactCenterSession" -> {
                session.end(owned);
                String ended = request.endHttpSession();
                if (ended != null) {
                    httpSessionEnded.accept(ended);
                }
                return Reply.ok();
            }
            default -> {
                if (!AgentStateOperations.isAgentState(name)) {
                    throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name + "' for /me; known: AfterCallWork, "
                            + "AuxWork, ChangePassword, EndContactCenterSession, NotReady, Ready, StartContactCenterSession");
                }
                agentStates.perform(owned, name, params);
                return Reply.ok();
            }
        }
    }
}
