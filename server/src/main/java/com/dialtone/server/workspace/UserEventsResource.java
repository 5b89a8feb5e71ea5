package com.dialtone.server.workspace;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /internal-api/operations} with {@code SendUserEvent}: T-Server's user event from a DN, with
 * data, which WWE sends to ask the outbound server (OCS) for campaigns. Dialtone has no outbound server, so
 * no one listens: the event is checked (the user's own device, a {@code userData} object) and accepted, and
 * nothing answers it, as in the captured session where WWE's request timed out on its own.
 */
public final class UserEventsResource {

    private final Devices devices;

    public UserEventsResource(Devices devices) {
        this.devices = devices;
    }

    /** Routes under {@code /internal-api}. */
    public List<Route> routes() {
        return List.of(Route.post("/operations", this::perform));
    }

    private Map<String, Object> perform(ApiRequest request) throws Exception {
        Params params = Params.of(request.body());
        String name = params.requiredText("operationName");
        if (!name.equals("SendUserEvent")) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name + "' for /internal-api/operations; known: SendUserEvent");
        }
        String deviceId = params.requiredText("deviceId");
        devices.ownedBy(request.user().id(), deviceId).orElseThrow(() -> GwsException.notFound("Device " + deviceId));
        params.requiredUserData("userData");
        return Reply.ok();
    }
}
