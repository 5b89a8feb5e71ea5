package com.dialtone.server.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The GWS notification on {@code /v2/me} after a user's own password change: {@code PasswordChangeSuccessful},
 * or {@code PasswordChangeError} with GWS's {@code errorCode} (1 weak or empty password, 2 wrong old
 * password, 3 internal error) and Dialtone's {@code errorMessage}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"messageType", "errorCode", "errorMessage", "channel"})
record PasswordChangeMessage(String messageType, Integer errorCode, String errorMessage, String channel) {

    static final String CHANNEL = "/v2/me";

    static PasswordChangeMessage successful() {
        return new PasswordChangeMessage("PasswordChangeSuccessful", null, null, CHANNEL);
    }

    static PasswordChangeMessage error(int errorCode, String errorMessage) {
        return new PasswordChangeMessage("PasswordChangeError", errorCode, errorMessage, CHANNEL);
    }
}
