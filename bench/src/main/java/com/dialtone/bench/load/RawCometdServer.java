package com.dialtone.bench.load;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.AbstractServerTransport;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.JacksonJSONContextServer;
import org.cometd.server.http.JSONHttpTransport;
import org.cometd.server.http.jakarta.CometDServlet;
import org.cometd.server.websocket.jetty.JettyWebSocketTransport;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Context;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The raw CometD baseline: the same Jetty and CometD, set up as Dialtone sets up its notifications
 * (both transports, Jackson, the same timeouts, no limit of sessions per browser), with no REST, no
 * authentication and no switch. A client sends {@code dial} on {@link #SERVICE} and gets {@code Dialing} and
 * {@code Established} on {@link #CHANNEL}; {@code hangup} gets {@code Released}. Each delivery is a copy of a
 * real Dialtone call notification, so the bytes on the wire are the same size. As the switch does, one
 * thread makes the deliveries.
 *
 * <p>Run by the load generator as its own process, like the server it stands beside:
 * {@code java -cp dialtone-bench.jar com.dialtone.bench.load.RawCometdServer [port]}.
 */
public final class RawCometdServer {

    static final String SERVICE = "/service/raw";
    static final String CHANNEL = "/raw/calls";
    static final String PATH = "/cometd";

    private final BayeuxServerImpl bayeux = new BayeuxServerImpl();
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> new Thread(r, "raw-deliveries"));
    private final Map<String, Object> template;
    private final Server jetty = new Server();
    private final ServerConnector connector;

    RawCometdServer(int port) throws Exception {
        try (InputStream in = RawCometdServer.class.getResourceAsStream("call-notification.json")) {
            template = new ObjectMapper().readValue(in, new TypeReference<>() { });
        }
        // Jetty as Dialtone configures it (DialtoneServer), so that the comparison is of what each does with it.
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setHeaderCacheSize(0);
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
        jetty.setHandler(context);
        context.insertHandler(WebSocketUpgradeHandler.from(jetty, context));
        bayeux.setOption(Context.class.getName(), context.getContext());
        bayeux.setOption(BayeuxServerImpl.TRANSPORTS_OPTION,
                JettyWebSocketTransport.class.getName() + "," + JSONHttpTransport.class.getName());
        bayeux.setOption("cometdURLMapping", PATH + "/*");
        bayeux.setOption("jsonContext", new JacksonJSONContextServer());
        bayeux.setOption("timeout", 25_000L);
        bayeux.setOption("maxInterval", 15_000L);
        bayeux.setOption("ws.maxInterval", 15_000L);
        bayeux.setOption("maxSessionsPerBrowser", -1);
        bayeux.setOption("maxQueue", 1000);
        // Deliveries go out only on /meta/connect replies, as Dialtone's do (its clients publish nothing).
        // Otherwise a long-polling client may get Dialing on its publish's reply and Established on its
        // connect's, on two threads, in either order.
        bayeux.setOption(AbstractServerTransport.META_CONNECT_DELIVERY_OPTION, true);
        context.setAttribute(BayeuxServer.ATTRIBUTE, bayeux);
        ServletHolder servlet = new ServletHolder(CometDServlet.class);
        servlet.setInitOrder(1);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, PATH + "/*");
    }

    RawCometdServer start() throws Exception {
        jetty.start();
        // Deliveries come from a server-side session, as Dialtone's do.
        LocalSession sender = bayeux.newLocalSession("raw");
        sender.handshake();
        ServerSession from = sender.getServerSession();
        bayeux.createChannelIfAbsent(SERVICE, channel -> channel.setPersistent(true)).getReference()
                .addListener(new ServerChannel.MessageListener() {
                    @Override
                    public boolean onMessage(ServerSession client, ServerChannel channel, ServerMessage.Mutable message) {
                        Map<String, Object> data = message.getDataAsMap();
                        if ("dial".equals(data.get("operation"))) {
                            String callId = UUID.randomUUID().toString().replace("-", "");
                            deliveries.execute(() -> client.deliver(from, CHANNEL, notification(callId, "Dialing"), Promise.noop()));
                            deliveries.execute(() -> client.deliver(from, CHANNEL, notification(callId, "Established"), Promise.noop()));
                        } else if ("hangup".equals(data.get("operation"))) {
                            String callId = (String) data.get("callId");
                            deliveries.execute(() -> client.deliver(from, CHANNEL, notification(callId, "Released"), Promise.noop()));
                        }
                        return true;
                    }
                });
        return this;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> notification(String callId, String state) {
        Map<String, Object> data = new HashMap<>(template);
        Map<String, Object> call = new HashMap<>((Map<String, Object>) template.get("call"));
        call.put("id", callId);
        call.put("state", state);
        data.put("call", call);
        return data;
    }

    String url() {
        return "http://127.0.0.1:" + connector.getLocalPort() + PATH;
    }

    void stop() throws Exception {
        jetty.stop();
        deliveries.shutdownNow();
    }

    public static void main(String[] args) throws Exception {
        RawCometdServer server = new RawCometdServer(args.length > 0 ? Integer.parseInt(args[0]) : 0).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        System.out.println("Raw CometD server is listening on " + server.url());
        System.out.flush();
        server.jetty.join();
    }
}
