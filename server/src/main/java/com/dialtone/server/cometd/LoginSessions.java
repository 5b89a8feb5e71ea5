package com.dialtone.server.cometd;

import com.dialtone.server.auth.Authenticator;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which logged-in HTTP session belongs to which user. Jetty upgrades a websocket before the servlet
 * session is looked up, so a CometD websocket handshake sees only the {@code JSESSIONID} cookie; this is
 * how it finds the user behind it. Long-polling handshakes see the session directly. It also keeps the
 * sessions, so that those of a deleted or disabled user can be ended.
 */
public final class LoginSessions implements HttpSessionListener, HttpSessionAttributeListener {

    private final Map<String, String> userBySession = new ConcurrentHashMap<>();
    /** The logged-in sessions themselves, so a deleted or disabled user's can be ended. */
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    /** The user id of the session a {@code JSESSIONID} cookie names, or null. */
    String userIdOf(String cookie) {
        String id = sessionIdOf(cookie);
        return id == null ? null : userBySession.get(id);
    }

    /** The session id in a {@code JSESSIONID} cookie, or null. */
    static String sessionIdOf(String cookie) {
        if (cookie == null) {
            return null;
        }
        int dot = cookie.indexOf('.'); // Jetty appends ".<worker>" to the id in the cookie
        return dot < 0 ? cookie : cookie.substring(0, dot);
    }

    /**
     * Invalidates every logged-in HTTP session of the user but the one kept (null for none): provisioning
     * deleted or disabled them, or their password changed.
     */
    void endSessionsOf(String userId, String keptSessionId) {
        userBySession.forEach((sessionId, owner) -> {
            HttpSession session = sessions.get(sessionId);
            if (owner.equals(userId) && session != null && !sessionId.equals(keptSessionId)) {
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // ended meanwhile: nothing left to do
                }
            }
        });
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (Authenticator.SESSION_USER.equals(event.getName())) {
            sessions.put(event.getSession().getId(), event.getSession());
            userBySession.put(event.getSession().getId(), (String) event.getValue());
        }
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        if (Authenticator.SESSION_USER.equals(event.getName())) {
            userBySession.put(event.getSession().getId(), (String) event.getSession().getAttribute(event.getName()));
        }
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        if (Authenticator.SESSION_USER.equals(event.getName())) {
            userBySession.remove(event.getSession().getId());
            sessions.remove(event.getSession().getId());
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        userBySession.remove(event.getSession().getId());
        sessions.remove(event.getSession().getId());
    }
}
