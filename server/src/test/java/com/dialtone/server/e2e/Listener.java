package com.dialtone.server.e2e;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.ext.AckExtension;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.cometd.common.JacksonJSONContextClient;
import org.eclipse.jetty.http.HttpCookie;

/**
 * A second CometD session of a logged-in agent, through any address (a {@link CuttingProxy}, say), that does what
 * a well-written client does: it subscribes again on every successful handshake (after {@code 402::unknown client}
 * the client handshakes anew, and a new session has no subscriptions), and counts those handshakes, so that the
 * test knows when the client must have re-read its state. With {@code ack}, it loads CometD's AckExtension.
 */
final class Listener implements AutoCloseable {

    final BayeuxClient client;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final AtomicInteger handshakes = new AtomicInteger();

    Listener(Agent agent, ServerAddress via, Transport transport, boolean ack, String... channels) {
        String url = via.local() + "/api/v2/notifications";
        Map<String, Object> options = new HashMap<>();
        options.put(ClientTransport.JSON_CONTEXT_OPTION, new JacksonJSONContextClient());
        options.put(ClientTransport.MAX_NETWORK_DELAY_OPTION, 5_000L);
        ClientTransport clientTransport = switch (transport) {
            case LONG_POLLING -> new JettyHttpClientTransport(options, Agent.jetty());
            case WEBSOCKET -> new WebSocketTransport(options, null, Agent.websockets());
        };
        client = new BayeuxClient(url, clientTransport);
        client.setBackOffStrategy(new BayeuxClient.BackOffStrategy.Constant(100));
        if (ack) {
            client.addExtension(new AckExtension());
        }
        client.putCookie(HttpCookie.from("JSESSIONID", agent.sessionId()));
        client.getChannel(Channel.META_HANDSHAKE).addListener((ClientSessionChannel.MessageListener) (channel, reply) -> {
            if (reply.isSuccessful()) {
                handshakes.incrementAndGet();
                for (String subscribed : channels) {
                    client.getChannel(subscribed).subscribe((ClientSessionChannel.MessageListener) (ch, message) -> {
                        ObjectNode data = Json.MAPPER.valueToTree(message.getDataAsMap());
                        data.put("$channel", message.getChannel());
                        received.add(data);
                    });
                }
            }
        });
        client.handshake();
        if (!client.waitFor(Agent.WAIT.toMillis(), BayeuxClient.State.CONNECTED)) {
            throw new AssertionError(agent.userName + " did not connect through " + url);
        }
    }

    @Override
    public void close() {
        client.disconnect();
        client.waitFor(Agent.WAIT.toMillis(), BayeuxClient.State.DISCONNECTED);
    }
}
