package com.dialtone.server.provisioning;

import com.dialtone.server.auth.User;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.server.me.PasswordChange;
import com.dialtone.server.notifications.Outbox;
import java.util.Map;

/**
 * {@code ChangePassword} on {@code POST /api/v2/me} ({@code oldPassword}, {@code newPassword}). The reply
 * says at once whether it worked, and, as in GWS, a notification on {@code /v2/me} says it again for
 * desktops that wait for it.
 */
final class OwnPassword implements PasswordChange {

    private final UserProvisioning users;
    private final Outbox sessions;

    OwnPassword(UserProvisioning users, Outbox sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public Map<String, Object> change(User user, String httpSessionId, Params params) {
        String oldPassword = params.optionalText("oldPassword");
        String newPassword = params.optionalText("newPassword");
        if (oldPassword == null) {
            throw GwsException.missing("oldPassword");
        }
        if (newPassword == null) {
            throw GwsException.missing("newPassword");
        }
        try {
            users.changeOwnPassword(user.id(), oldPassword, newPassword, httpSessionId);
        } catch (GwsException refused) {
            sessions.deliver(user.id(), PasswordChangeMessage.CHANNEL, PasswordChangeMessage.error(errorCode(refused.statusCode()),
                    refused.getMessage()));
            throw refused;
        }
        sessions.deliver(user.id(), PasswordChangeMessage.CHANNEL, PasswordChangeMessage.successful());
        return Reply.ok();
    }

    /** GWS's codes: 1 the new password is not acceptable, 2 the old one is wrong, 3 anything else. */
    private static int errorCode(StatusCode refusal) {
        return switch (refusal) {
            case INVALID_INPUT -> 1;
            case INVALID_STATE -> 2;
            default -> 3;
        };
    }
}
