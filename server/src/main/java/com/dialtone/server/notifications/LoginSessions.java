package com.dialtone.server.notifications;

import com.dialtone.server.auth.Authenticator;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which logged-in HTTP session belongs to which user. Jetty upgrades a websocket before the servlet
 * session is looked up, so a CometD websocket handshake sees only the {@code JSESSIONID} cookie; this is
 * how it finds the user behind it. Long-polling handshakes see the session directly.
 */
public final class LoginSessions implements HttpSessionListener, HttpSessionAttributeListener {

    private final Map<String, String> userBySession = new ConcurrentHashMap<>();

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

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (Authenticator.SESSION_USER.equals(event.getName())) {
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
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        userBySession.remove(event.getSession().getId());
    }
}
