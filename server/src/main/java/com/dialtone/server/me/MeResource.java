package com.dialtone.server.me;

import com.dialtone.server.agents.AgentStateOperations;
import com.dialtone.server.agents.ChannelsResource;
import com.dialtone.server.agents.ContactCenterSession;
import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.User;
import com.dialtone.server.calls.CallsResource;
import com.dialtone.server.devices.Device;
import com.dialtone.server.devices.Devices;
import com.dialtone.server.devices.DevicesResource;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code /api/v2/me}: the logged-in user. {@code GET ?subresources=*} (or a list such as
 * {@code devices,calls}) embeds what this server has of the user's sub-collections, which is how a
 * desktop recovers its state in one request; names it does not serve yet (skills, settings, features
 * ...) are ignored, as real clients ask for them. {@code POST} starts and ends the contact-centre session
 * and takes the agent states real clients send here.
 */
public final class MeResource {

    /** One contact centre per server; its id only has to be stable. */
    static final String CONTACT_CENTER_ID = "6d7a6b2e-0f3c-4c51-9b8e-4449a1a1e001";

    private final DevicesResource devicesResource;
    private final CallsResource calls;
    private final ChannelsResource channels;
    private final Devices devices;
    private final ContactCenterSession session;
    private final AgentStateOperations agentStates;
    private final Consumer<String> httpSessionEnded;
    private final PublicUrls urls;

    /**
     * @param httpSessionEnded told the id of each HTTP session that EndContactCenterSession ends
     */
    public MeResource(DevicesResource devicesResource, CallsResource calls, ChannelsResource channels, Devices devices,
                      ContactCenterSession session, AgentStateOperations agentStates, Consumer<String> httpSessionEnded, PublicUrls urls) {
        this.devicesResource = devicesResource;
        this.calls = calls;
        this.channels = channels;
        this.devices = devices;
        this.session = session;
        this.agentStates = agentStates;
        this.httpSessionEnded = httpSessionEnded;
        this.urls = urls;
    }

    public List<Route> routes() {
        return List.of(Route.get("/me", this::get), Route.post("/me", this::perform));
    }

    private Map<String, Object> get(ApiRequest request) {
        User user = request.user();
        Set<String> wanted = request.queryList("subresources");
        boolean all = wanted.contains("*");
        return Reply.ok("user", new UserResource(user.id(), user.userName(), user.firstName(), user.lastName(),
                user.roles(), true, false, CONTACT_CENTER_ID,
                all || wanted.contains("devices") ? devicesResource.resourcesOf(user) : null,
                all || wanted.contains("calls") ? calls.resourcesOf(user) : null,
                all || wanted.contains("channels") ? channels.of(user) : null,
                urls.user(user.id()), "/users/" + user.id()));
    }

    private Map<String, Object> perform(ApiRequest request) throws Exception {
        Params params = Params.of(request.body());
        String name = params.requiredText("operationName");
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
                            + "AuxWork, EndContactCenterSession, NotReady, Ready, StartContactCenterSession");
                }
                agentStates.perform(owned, name, params);
                return Reply.ok();
            }
        }
    }
}
