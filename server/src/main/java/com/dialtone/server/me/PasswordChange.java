package com.dialtone.server.me;

import com.dialtone.server.auth.User;
import com.dialtone.server.http.Params;
import java.util.Map;

/**
 * {@code ChangePassword} on {@code POST /api/v2/me}: the user changes their own password. Provisioning
 * does it, as it owns the stored users; this keeps {@code me} from depending on it.
 */
@FunctionalInterface
public interface PasswordChange {

    /**
     * Returns the reply body; throws {@link com.dialtone.server.http.GwsException} to refuse. The user's
     * other sessions end; the HTTP session given (the caller's, or null) goes on.
     */
    Map<String, Object> change(User user, String httpSessionId, Params params);
}
