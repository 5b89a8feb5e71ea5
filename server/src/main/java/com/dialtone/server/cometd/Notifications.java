package com.dialtone.server.cometd;

import com.dialtone.server.auth.Authenticator;
import com.dialtone.server.config.NotificationSettings;
import com.dialtone.server.http.Json;
import java.util.concurrent.CompletableFuture;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.JacksonJSONContextServer;
import org.cometd.server.ext.AcknowledgedMessagesExtension;
import org.cometd.server.http.JSONHttpTransport;
import org.cometd.server.http.jakarta.CometDServlet;
import org.cometd.server.websocket.jetty.JettyWebSocketTransport;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Context;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CometD (Bayeux) server at {@code /api/v2/notifications}, with long-polling (what GWS 8.5 offers)
 * and websocket. CometD's servlet serves long-polling; its Jetty-core websocket transport serves
 * websocket upgrades in the same servlet context.
 */
public final class Notifications {

    public static final String PATH = "/api/v2/notifications";
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final BayeuxServerImpl bayeux = new BayeuxServerImpl();
    private final NotificationSessions sessions = new NotificationSessions();
    private final LoginSessions loginSessions;

    public Notifications(ServletContextHandler context, Authenticator authenticator, LoginSessions loginSessions,
                         NotificationSettings settings, int maxRequestBodyBytes) {
        this.loginSessions = loginSessions;
        context.insertHandler(WebSocketUpgradeHandler.from(context.getServer(), context));
        JacksonJSONContextServer json = new JacksonJSONContextServer();
        Json.configure(json.getObjectMapper());
        bayeux.setOption(Context.class.getName(), context.getContext());
        bayeux.setOption(BayeuxServerImpl.TRANSPORTS_OPTION,
                JettyWebSocketTransport.class.getName() + "," + JSONHttpTransport.class.getName());
        bayeux.setOption("cometdURLMapping", PATH + "/*");
        bayeux.setOption("jsonContext", json);
        bayeux.setOption("timeout", settings.timeout().toMillis());
        bayeux.setOption("maxInterval", settings.maxInterval().toMillis());
        bayeux.setOption("ws.maxInterval", settings.maxInterval().toMillis());
        // An agent desktop may be open in several tabs; each must get its notifications at full speed.
        bayeux.setOption("maxSessionsPerBrowser", -1);
        // Bayeux messages from clients are small (handshake, connect, subscribe); refuse big ones on both
        // transports. Long-polling bodies over the limit never get here (BodyLimitFilter answers 413);
        // this holds websocket frames to the same limit.
        bayeux.setOption("maxMessageSize", maxRequestBodyBytes);
        // CometD's acknowledgement extension: a client that loads its half (the Java AckExtension, the JS
        // client's AckExtension.js) gets every message at least once across a dropped long poll or websocket,
        // because what it has not acknowledged is sent again on its next connect. Clients without it lose what
        // was in flight, and recover by GET /api/v2/me?subresources=* (docs/reliability.md).
        bayeux.addExtension(new AcknowledgedMessagesExtension());
        bayeux.setSecurityPolicy(new NotificationSecurityPolicy(authenticator, loginSessions, sessions));
        int maxQueue = settings.maxQueue();
        bayeux.addListener(new BayeuxServer.SessionListener() {
            @Override
            public void sessionAdded(ServerSession session, ServerMessage message) {
                session.addListener((ServerSession.QueueMaxedListener) (s, queue, sender, dropped) -> {
                    // A client that stopped reading must not hold messages without end, nor slow the switch:
                    // drop it; it will handshake again and recover its state with GET.
                    LOG.warn("CometD session {} has {} undelivered messages; disconnecting it", s.getId(), maxQueue);
                    CompletableFuture.runAsync(s::disconnect);
                    return false;
                });
            }

            @Override
            public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
                sessions.remove(session);
            }
        });
        bayeux.setOption("maxQueue", maxQueue);
        context.setAttribute(BayeuxServer.ATTRIBUTE, bayeux);
        ServletHolder servlet = new ServletHolder(CometDServlet.class);
        servlet.setInitOrder(1);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, PATH + "/*");
    }

    /** Called once the HTTP server has started (and with it, CometD). */
    public void start() {
        LocalSession server = bayeux.newLocalSession("dialtone");
        server.handshake();
        sessions.start(server);
    }

    public NotificationSessions sessions() {
        return sessions;
    }

    /**
     * Cuts every CometD session of the user now (null: everyone's), as a server that lost them would (the test
     * lab's dropped notifications): the server forgets each session without telling its client, whose next
     * connect is answered {@code 402::unknown client}, so it must handshake again, subscribe again and re-read
     * its state (docs/reliability.md). What was queued for the session is lost with it.
     */
    public void cut(String userId) {
        for (ServerSession session : sessions.of(userId)) {
            bayeux.removeServerSession(session, false);
            if (session instanceof org.cometd.server.ServerSessionImpl impl) {
                impl.destroyScheduler(); // a held long poll comes back now, not after its timeout
            }
        }
    }

    /**
     * Ends every session of a user who was just deleted or disabled: their HTTP sessions at once (their
     * next request gets 401) and their CometD sessions a moment later.
     */
    public void endSessionsOf(String userId) {
        endSessionsOf(userId, null);
    }

    /** The same, but for the HTTP session kept (and its CometD sessions): the one that changed its own password. */
    public void endSessionsOf(String userId, String keptHttpSessionId) {
        loginSessions.endSessionsOf(userId, keptHttpSessionId);
        sessions.endedUser(userId, keptHttpSessionId);
    }
}
