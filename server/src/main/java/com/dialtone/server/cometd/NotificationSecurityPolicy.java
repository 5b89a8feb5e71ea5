package com.dialtone.server.cometd;

import com.dialtone.server.auth.Authenticator;
import com.dialtone.server.auth.User;
import java.util.Optional;
import org.cometd.bayeux.ChannelId;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.SecurityPolicy;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Who may do what on {@code /api/v2/notifications}. Denies by default:
 * <ul>
 * <li>a handshake needs a logged-in HTTP session ({@code JSESSIONID}) or Basic credentials;</li>
 * <li>a client may subscribe only to GWS channels ({@code /v2/...}, {@code /notifications/...}) and to
 * the wildcards that cover them ({@code /*}, {@code /**}); delivery is per user anyway;</li>
 * <li>a client may never publish: GWS has no client-to-server messages, and {@code /v2/**} are
 * the server's channels.</li>
 * </ul>
 */
final class NotificationSecurityPolicy implements SecurityPolicy {

    private final Authenticator authenticator;
    private final LoginSessions loginSessions;
    private final NotificationSessions sessions;

    NotificationSecurityPolicy(Authenticator authenticator, LoginSessions loginSessions, NotificationSessions sessions) {
        this.authenticator = authenticator;
        this.loginSessions = loginSessions;
        this.sessions = sessions;
    }

    @Override
    public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
        if (session.isLocalSession()) {
            return true;
        }
        BayeuxContext context = message.getBayeuxContext();
        Optional<User> user = userOf(context);
        user.ifPresent(u -> sessions.add(u.id(), httpSessionIdOf(context), session));
        return user.isPresent();
    }

    @Override
    public boolean canCreate(BayeuxServer server, ServerSession session, String channel, ServerMessage message) {
        return session != null && (session.isLocalSession() || (isLoggedIn(session) && mayListenTo(channel)));
    }

    @Override
    public boolean canSubscribe(BayeuxServer server, ServerSession session, ServerChannel channel, ServerMessage message) {
        return session != null && (session.isLocalSession() || (isLoggedIn(session) && mayListenTo(channel.getId())));
    }

    @Override
    public boolean canPublish(BayeuxServer server, ServerSession session, ServerChannel channel, ServerMessage message) {
        return session != null && session.isLocalSession();
    }

    private Optional<User> userOf(BayeuxContext context) {
        if (context == null) {
            return Optional.empty();
        }
        Optional<User> user = authenticator.userOfSession(context.getSessionAttribute(Authenticator.SESSION_USER));
        if (user.isEmpty()) {
            user = authenticator.userOfSession(loginSessions.userIdOf(context.getCookie("JSESSIONID")));
        }
        if (user.isEmpty()) {
            user = authenticator.verifyBasic(context.getHeader("Authorization"));
        }
        return user;
    }

    /** The HTTP session the handshake came with: the session itself (long-polling) or its cookie (websocket). */
    private static String httpSessionIdOf(BayeuxContext context) {
        if (context == null) {
            return null;
        }
        String id = context.getSessionId();
        return id != null ? id : LoginSessions.sessionIdOf(context.getCookie("JSESSIONID"));
    }

    private static boolean isLoggedIn(ServerSession session) {
        return session.getAttribute(NotificationSessions.USER_ID) != null;
    }

    static boolean mayListenTo(String channel) {
        ChannelId id = new ChannelId(channel);
        if (id.isMeta() || id.isService() || id.isTemplate()) {
            return false;
        }
        return (id.isWild() && id.depth() == 1) || isGwsChannel(id);
    }

    private static boolean isGwsChannel(ChannelId id) {
        String first = id.getSegment(0);
        return "v2".equals(first) || "notifications".equals(first);
    }
}
