package com.dialtone.server.cometd;

import com.dialtone.server.notifications.Outbox;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.ChannelId;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerSession;

/**
 * The CometD sessions of each user. GWS channels such as {@code /v2/me/calls} are per user: the same
 * channel name carries each user's own events. So nothing is ever published to a channel; each message
 * is delivered to the sessions of the user it belongs to, and only to those subscribed to a channel that
 * matches ({@code /v2/me/calls}, {@code /v2/me/*}, {@code /**} ...). A user may have several sessions
 * (tabs, windows); each gets the message.
 */
public final class NotificationSessions implements Outbox {

    /** The session attribute holding the id of the user a CometD session belongs to. */
    static final String USER_ID = "dialtone.userId";
    /** The session attribute holding the id of the HTTP session (login) a CometD session was opened with. */
    static final String HTTP_SESSION_ID = "dialtone.httpSessionId";
    /** Long enough for a client to receive what its logout caused (its LoggedOut device state). */
    private static final long LOGOUT_GRACE_MILLIS = 1000;

    private final Map<String, Set<ServerSession>> byUser = new ConcurrentHashMap<>();
    private volatile LocalSession sender;

    void start(LocalSession sender) {
        this.sender = sender;
    }

    void add(String userId, String httpSessionId, ServerSession session) {
        session.setAttribute(USER_ID, userId);
        if (httpSessionId != null) {
            session.setAttribute(HTTP_SESSION_ID, httpSessionId);
        }
        byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** The user's sessions now (null: everyone's). */
    java.util.List<ServerSession> of(String userId) {
        if (userId == null) {
            return byUser.values().stream().flatMap(Set::stream).toList();
        }
        Set<ServerSession> sessions = byUser.get(userId);
        return sessions == null ? java.util.List.of() : java.util.List.copyOf(sessions);
    }

    void remove(ServerSession session) {
        Object userId = session.getAttribute(USER_ID);
        if (userId != null) {
            byUser.computeIfPresent((String) userId, (id, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    /**
     * Disconnects, a moment later, the CometD sessions opened with an HTTP session that has just been
     * ended (EndContactCenterSession): a logged-out browser must stop receiving the user's events. The
     * moment lets the notifications of the logout itself reach them first.
     */
    public void endedHttpSession(String httpSessionId) {
        CompletableFuture.delayedExecutor(LOGOUT_GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            for (Set<ServerSession> sessions : byUser.values()) {
                for (ServerSession session : sessions) {
                    if (httpSessionId.equals(session.getAttribute(HTTP_SESSION_ID))) {
                        session.disconnect();
                    }
                }
            }
        });
    }

    /**
     * Disconnects, a moment later, every CometD session of the user, whatever it was opened with, but
     * those of the kept HTTP session (null for none): the user was deleted or disabled, or their password
     * changed. The moment lets the notifications of the change reach them first.
     */
    public void endedUser(String userId, String keptHttpSessionId) {
        CompletableFuture.delayedExecutor(LOGOUT_GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            Set<ServerSession> sessions = byUser.get(userId);
            if (sessions != null) {
                sessions.stream().filter(session -> keptHttpSessionId == null || !keptHttpSessionId.equals(session.getAttribute(HTTP_SESSION_ID)))
                        .forEach(ServerSession::disconnect);
            }
        });
    }

    /** True if the user has a session subscribed to something matching the channel. */
    @Override
    public boolean isListening(String userId, String channel) {
        Set<ServerSession> sessions = userId == null ? null : byUser.get(userId);
        if (sessions == null) {
            return false;
        }
        ChannelId target = new ChannelId(channel);
        for (ServerSession session : sessions) {
            if (isSubscribed(session, target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Queues the message for every session of the user that subscribed to a matching channel. Never
     * blocks: CometD only queues it and wakes the session's pending poll or websocket writer.
     */
    @Override
    public void deliver(String userId, String channel, Object data) {
        Set<ServerSession> sessions = userId == null ? null : byUser.get(userId);
        LocalSession from = sender;
        if (sessions == null || from == null) {
            return;
        }
        ChannelId target = new ChannelId(channel);
        for (ServerSession session : sessions) {
            if (isSubscribed(session, target)) {
                session.deliver(from, channel, data, Promise.noop());
            }
        }
    }

    private static boolean isSubscribed(ServerSession session, ChannelId target) {
        for (ServerChannel subscription : session.getSubscriptions()) {
            if (subscription.getChannelId().matches(target)) {
                return true;
            }
        }
        return false;
    }
}
