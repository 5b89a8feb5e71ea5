package com.dialtone.server.calls;

import com.dialtone.server.calls.Destination;
import com.dialtone.server.directory.Device;
import com.dialtone.server.http.SwitchResults;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.Switch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code POST /api/v2/me/devices/{id}/calls} with {@code Dial}. Replies {@code {"statusCode":0}} once the
 * switch has created the call; the call itself reaches the client as its first notification, as in GWS.
 */
public final class DialOperation {

    private final Switch telephony;

    public DialOperation(Switch telephony) {
        this.telephony = telephony;
    }

    public Map<String, Object> perform(Device device, JsonNode body) {
        Params params = Params.of(body);
        String name = params.requiredText("operationName");
        if (!name.equals("Dial")) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name + "' for a device's calls; known: Dial");
        }
        Destination destination = Destination.from(params);
        SwitchResults.await(telephony.dial(device.phoneNumber(), destination.phoneNumber(), destination.userData(), destination.location()));
        return Reply.ok();
    }
}
