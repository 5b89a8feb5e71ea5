package com.dialtone.server.auth;

import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * GWS authentication: HTTP Basic credentials, after which the HTTP session ({@code JSESSIONID}) carries
 * the login, so a client that keeps its cookies pays for the password check once.
 */
public final class Authenticator {

    /** The session attribute holding the id of the user the session belongs to. */
    public static final String SESSION_USER = "dialtone.userId";

    /**
     * The session attribute holding the password hash the session logged in with: a session works only
     * while it is still the user's, so changing a password logs out every other session of the user.
     */
    private static final String SESSION_CREDENTIAL = "dialtone.credential";

    private final Users users;

    public Authenticator(Users users) {
        this.users = users;
    }

    /**
     * The user making this request, from its Basic credentials or its session. A successful Basic login
     * starts a new session (the old one, if any, is dropped, so a session id set by someone else is never
     * promoted to a logged-in one).
     *
     * @throws GwsException {@code statusCode} 20, HTTP 401, when neither identifies a user
     */
    public User authenticate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Optional<User> sessionUser = session == null ? Optional.empty() : userOfSession(session.getAttribute(SESSION_USER))
                .filter(user -> user.passwordHash().equals(session.getAttribute(SESSION_CREDENTIAL)));
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return sessionUser.orElseThrow(() -> new GwsException(StatusCode.NOT_AUTHENTICATED,
                    "Authentication required: send HTTP Basic credentials, or the JSESSIONID cookie of a logged-in session"));
        }
        Credentials credentials = Credentials.parse(authorization);
        if (sessionUser.isPresent() && credentials != null && sessionUser.get().userName().equals(credentials.userName())) {
            return sessionUser.get();
        }
        User user = verify(credentials).orElseThrow(() -> new GwsException(StatusCode.NOT_AUTHENTICATED, "Invalid user name or password"));
        if (!user.enabled()) {
            // Said only to whoever knows the password: it tells them why, and nobody else anything.
            throw new GwsException(StatusCode.NOT_AUTHENTICATED, "User '" + user.userName() + "' is disabled");
        }
        if (session != null) {
            session.invalidate();
        }
        HttpSession fresh = request.getSession(true);
        fresh.setAttribute(SESSION_CREDENTIAL, user.passwordHash());
        fresh.setAttribute(SESSION_USER, user.id());
        return user;
    }

    /** Keeps the caller's own session working after it changed the user's password. */
    public void passwordChanged(HttpServletRequest request, String userId) {
        HttpSession session = request.getSession(false);
        User user = users.byId(userId).orElse(null);
        if (session != null && user != null && userId.equals(session.getAttribute(SESSION_USER))) {
            session.setAttribute(SESSION_CREDENTIAL, user.passwordHash());
        }
    }

    /**
     * The user a session attribute names, if any. Looked up on every request, so a session stops working
     * the moment its user is deleted or disabled.
     */
    public Optional<User> userOfSession(Object sessionUserId) {
        return sessionUserId instanceof String id ? users.byId(id).filter(User::enabled) : Optional.empty();
    }

    /** The enabled user whose Basic credentials these are, if they are right. */
    public Optional<User> verifyBasic(String authorization) {
        return authorization == null ? Optional.empty() : verify(Credentials.parse(authorization)).filter(User::enabled);
    }

    private Optional<User> verify(Credentials credentials) {
        if (credentials == null) {
            return Optional.empty();
        }
        Optional<User> user = users.byName(credentials.userName());
        boolean valid = PasswordHasher.verify(credentials.password().toCharArray(), user.map(User::passwordHash).orElse(null));
        return valid ? user : Optional.empty();
    }

    private record Credentials(String userName, String password) {

        static Credentials parse(String authorization) {
            if (authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }

        @Override
        public String toString() {
            return "Credentials[" + userName + "]";
        }
    }
}
