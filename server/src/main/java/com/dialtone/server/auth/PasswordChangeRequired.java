package com.dialtone.server.auth;

import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;

/**
 * GWS's {@code changePasswordOnFirstLogin}: until the user has changed their password, every request
 * but {@code GET /api/v2/me} and {@code ChangePassword} on {@code POST /api/v2/me} is refused with HTTP
 * 403 and {@code statusCode} 8, so a desktop can still show who is logged in and offer the change.
 */
public final class PasswordChangeRequired {

    private PasswordChangeRequired() {
    }

    public static void check(User user) {
        if (user != null && user.changePasswordOnFirstLogin()) {
            throw new GwsException(StatusCode.PASSWORD_CHANGE_REQUIRED,
                    "Password change required: change it with POST /api/v2/me {\"operationName\":\"ChangePassword\",\"oldPassword\":...,\"newPassword\":...}");
        }
    }
}
