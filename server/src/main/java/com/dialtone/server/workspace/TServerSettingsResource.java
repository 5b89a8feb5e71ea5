package com.dialtone.server.workspace;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Reply;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v2/me/devices/{id}/settings/tserver} and {@code /api/v2/devices/{id}/settings/tserver}: the
 * DN's options as T-Server/SIP Server keeps them (WWE reads them before it drives the Genesys softphone).
 * The names are SIP Server's, as a real session lists them; the values say how Dialtone's switch behaves:
 * a DN rings wherever its phone is ({@code contact} {@code *}), a second call rings while one is established
 * (call waiting, so {@code reject-call-incall} is false), a Not Ready agent still gets direct calls, and
 * calls are recorded only on request. Every value is a string, as in GWS. Only the user's own device (an
 * administrator: any).
 */
public final class TServerSettingsResource {

    @JsonPropertyOrder({"name", "value"})
    public record Setting(String name, String value) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("contact", "*"),
            new Setting("make-call-rfc3725-flow", "1"),
            new Setting("record", "false"),
            new Setting("recovery-timeout", "0"),
            new Setting("refer-enabled", "false"),
            new Setting("reinvite-requires-hold", "false"),
            new Setting("reject-call-incall", "false"),
            new Setting("reject-call-notready", "false"),
            new Setting("ring-tone-on-make-call", "true"),
            new Setting("sip-cti-control", "talk,hold,dtmf"),
            new Setting("sip-ring-tone-mode", "1"),
            new Setting("transfer-complete-by-refer", "false"));

    private final Devices devices;

    public TServerSettingsResource(Devices devices) {
        this.devices = devices;
    }

    public List<Route> routes() {
        return List.of(Route.get("/me/devices/{id}/settings/tserver", this::get), Route.get("/devices/{id}/settings/tserver", this::get));
    }

    private Map<String, Object> get(ApiRequest request) {
        String id = request.path("id");
        boolean admin = request.user().hasRole("ROLE_ADMIN");
        // Another user's device looks exactly like a missing one.
        (admin ? devices.byId(id) : devices.ownedBy(request.user().id(), id)).orElseThrow(() -> GwsException.notFound("Device " + id));
        Map<String, Object> reply = Reply.ok("settings", SETTINGS);
        reply.put("key", "name");
        return reply;
    }
}
