package com.dialtone.server.agents;

import com.dialtone.server.http.SwitchResults;
import com.dialtone.server.directory.Device;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.Switch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code StartContactCenterSession} and {@code EndContactCenterSession} on {@code POST /api/v2/me}: the
 * GWS agent login and logout. Dialtone serves the voice channel only; the agent logs in on every device
 * the user has.
 */
public final class ContactCenterSession {

    static final String VOICE = "voice";

    private final Switch telephony;

    public ContactCenterSession(Switch telephony) {
        this.telephony = telephony;
    }

    /**
     * Logs the agent in on the user's devices ({@code NotReady}). {@code channels} defaults to voice; other
     * media are not served, so asking for them with voice is a partial success (GWS {@code statusCode} 7)
     * and without voice a refusal.
     */
    public Map<String, Object> start(List<Device> devices, Params params) {
        List<String> channels = params.optionalTextList("channels");
        List<String> unserved = new ArrayList<>();
        if (channels != null) {
            channels.stream().filter(c -> !c.equals(VOICE)).distinct().forEach(unserved::add);
            if (!channels.contains(VOICE)) {
                throw GwsException.invalid("channels", "Dialtone serves the voice channel only; asked for " + channels);
            }
        }
        if (devices.isEmpty()) {
            throw new GwsException(StatusCode.INVALID_STATE, "The voice channel needs a device; this user has none");
        }
        for (Device device : devices) {
            SwitchResults.await(telephony.login(device.phoneNumber()));
        }
        if (unserved.isEmpty()) {
            return Reply.ok();
        }
        // GWS's shape (shared/spec/wwe-8.5-session.md, request 9): every non-voice medium is the Interaction
        // Server's, reported once as "multimedia"; Dialtone has none, so it fails as a GWS whose Interaction
        // Server is down does.
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("statusCode", StatusCode.INTERNAL_ERROR.code());
        failed.put("statusMessage", "Interaction server connection is not opened: Dialtone does not serve " + String.join(", ", unserved));
        failed.put("channel", "multimedia");
        Map<String, Object> succeeded = new LinkedHashMap<>();
        succeeded.put("statusCode", 0);
        succeeded.put("channel", VOICE);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("statusCode", StatusCode.PARTIAL_SUCCESS.code());
        reply.put("failed", List.of(failed));
        reply.put("succeeded", List.of(succeeded));
        return reply;
    }

    /** Logs the agent out of the user's devices. The caller then ends the HTTP session. */
    public void end(List<Device> devices) {
        for (Device device : devices) {
            SwitchResults.await(telephony.logout(device.phoneNumber()));
        }
    }
}
