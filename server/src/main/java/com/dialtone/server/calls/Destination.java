package com.dialtone.server.calls;

import com.dialtone.server.http.Params;
import com.dialtone.switching.UserData;

/**
 * Where Dial, transfers and conferences go: {@code destination.phoneNumber} (required), {@code location}
 * and {@code userData} (optional), read with the GWS errors for each.
 */
public record Destination(String phoneNumber, String location, UserData userData) {

    public static Destination from(Params params) {
        return new Destination(params.requiredObject("destination").requiredText("phoneNumber"),
                params.optionalText("location"), params.optionalUserData("userData"));
    }
}
