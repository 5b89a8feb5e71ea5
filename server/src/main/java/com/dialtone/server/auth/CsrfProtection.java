package com.dialtone.server.auth;

import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.UUID;

/**
 * GWS CSRF protection. Every GET of a logged-in session returns the token, bound to the session, in
 * {@code X-CSRF-TOKEN}, and names the header to send it back in with {@code X-CSRF-HEADER}. When enforced
 * (off by default, as in GWS), a POST, PUT or DELETE without the session's token is refused with HTTP 403.
 */
public final class CsrfProtection {

    public static final String HEADER_NAME_HEADER = "X-CSRF-HEADER";
    public static final String TOKEN_HEADER = "X-CSRF-TOKEN";
    private static final String SESSION_TOKEN = "dialtone.csrfToken";
    private static final Set<String> GUARDED_METHODS = Set.of("POST", "PUT", "DELETE");

    private final boolean enforced;

    public CsrfProtection(boolean enforced) {
        this.enforced = enforced;
    }

    /** Adds the token headers to a reply, for a request that has a session. */
    public void issue(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Object token = session.getAttribute(SESSION_TOKEN);
        if (token == null) {
            token = UUID.randomUUID().toString();
            session.setAttribute(SESSION_TOKEN, token);
        }
        response.setHeader(HEADER_NAME_HEADER, TOKEN_HEADER);
        response.setHeader(TOKEN_HEADER, (String) token);
    }

    /** @throws GwsException HTTP 403 when enforced and a changing request lacks the session's token */
    public void check(HttpServletRequest request) {
        if (!enforced || !GUARDED_METHODS.contains(request.getMethod())) {
            return;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
        String actual = request.getHeader(TOKEN_HEADER);
        if (!(expected instanceof String token) || actual == null
                || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8))) {
            throw new GwsException(StatusCode.FORBIDDEN, "Missing or invalid Csrf token");
        }
    }
}
