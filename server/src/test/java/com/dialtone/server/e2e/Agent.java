package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.cometd.common.JacksonJSONContextClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpCookieStore;

/**
 * A logged-in user as an agent desktop would be: an HTTP client that keeps its cookies, and a CometD
 * client (the real Java one, over the chosen transport) subscribed to its notifications. Every
 * notification received is queued for the test to take in order.
 */
final class Agent implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);
    private static final org.eclipse.jetty.client.HttpClient JETTY = startedJettyClient();
    private static final WebSocketContainer WEBSOCKETS = ContainerProvider.getWebSocketContainer();

    /** How the CometD handshake proves who the user is. */
    enum Login {
        /** The JSESSIONID cookie of the REST session, as a browser desktop does. */
        SESSION_COOKIE,
        /** Basic credentials on the handshake request itself. */
        BASIC_ON_HANDSHAKE
    }

    final ServerAddress server;
    final String userName;
    final String deviceId;
    final String dn;
    private final HttpClient http;
    private final String basic;
    private final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
    private final List<String> subscriptionErrors = new ArrayList<>();
    private BayeuxClient cometd;

    /** Logged in over REST with the demo password, for users without a device too (admin). */
    private Agent(ServerAddress server, String userName) {
        this(server, userName, "demo", "demo");
    }

    private Agent(ServerAddress server, String userName, String password, String handshakePassword) {
        this.server = server;
        this.userName = userName;
        this.basic = basic(userName, handshakePassword);
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Response me = send(HttpRequest.newBuilder(URI.create(server.api("/me?subresources=devices"))).header("Authorization", basic(userName, password)).GET());
        assertThat(me.status()).as("login of %s", userName).isEqualTo(200);
        JsonNode devices = me.body().path("user").path("devices");
        this.deviceId = devices.path(0).path("id").asText(null);
        this.dn = devices.path(0).path("phoneNumber").asText(null);
    }

    /** Logs in over REST, then connects CometD with the session cookie and subscribes to {@code /v2/me/calls}. */
    static Agent login(ServerAddress server, String userName, Transport transport) throws Exception {
        return login(server, userName, transport, Login.SESSION_COOKIE, "/v2/me/calls");
    }

    static Agent login(ServerAddress server, String userName, Transport transport, Login login, String... channels) throws Exception {
        Agent agent = restOnly(server, userName);
        agent.connect(transport, login, channels);
        return agent;
    }

    /** Logged in over REST only: no CometD session. */
    static Agent restOnly(ServerAddress server, String userName) throws Exception {
        return new Agent(server, userName, "demo", "demo");
    }

    /** Logs in over REST with one password, and will send another one on a Basic CometD handshake. */
    static Agent withPassword(ServerAddress server, String userName, String password, String handshakePassword) throws Exception {
        return new Agent(server, userName, password, handshakePassword);
    }

    static String basic(String userName, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((userName + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void connect(Transport transport, Login login, String... channels) throws InterruptedException {
        cometd = newClient(transport, login);
        if (login == Login.SESSION_COOKIE) {
            cometd.putCookie(org.eclipse.jetty.http.HttpCookie.from("JSESSIONID", sessionId()));
        }
        CountDownLatch subscribed = new CountDownLatch(channels.length);
        cometd.handshake(reply -> {
            if (reply.isSuccessful()) {
                for (String channel : channels) {
                    cometd.getChannel(channel).subscribe((ClientSessionChannel.MessageListener) (ch, message) -> received(message),
                            subscribeReply -> {
                                if (!subscribeReply.isSuccessful()) {
                                    subscriptionErrors.add(channel + ": " + subscribeReply.get(Message.ERROR_FIELD));
                                }
                                subscribed.countDown();
                            });
                }
            }
        });
        assertThat(cometd.waitFor(WAIT.toMillis(), BayeuxClient.State.CONNECTED)).as("%s connected", userName).isTrue();
        assertThat(subscribed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("%s subscribed", userName).isTrue();
        assertThat(subscriptionErrors).as("subscription errors of %s", userName).isEmpty();
    }

    /** A CometD client that is not handshaken yet, for tests of the handshake itself. */
    BayeuxClient newClient(Transport transport, Login login) {
        String url = server.local() + "/api/v2/notifications";
        String authorization = login == Login.BASIC_ON_HANDSHAKE ? basic : null;
        Map<String, Object> options = new HashMap<>();
        JacksonJSONContextClient json = new JacksonJSONContextClient();
        Json.configure(json.getObjectMapper()); // decimals in attached data read exactly, as the server reads them
        options.put(ClientTransport.JSON_CONTEXT_OPTION, json);
        ClientTransport clientTransport = switch (transport) {
            case LONG_POLLING -> new JettyHttpClientTransport(options, JETTY) {
                @Override
                protected void customize(Request request) {
                    if (authorization != null) {
                        request.headers(h -> h.put("Authorization", authorization));
                    }
                }
            };
            case WEBSOCKET -> new WebSocketTransport(options, null, WEBSOCKETS) {
                @Override
                protected void onHandshakeRequest(Map<String, List<String>> headers) {
                    super.onHandshakeRequest(headers);
                    if (authorization != null) {
                        headers.put("Authorization", List.of(authorization));
                    }
                }
            };
        };
        return new BayeuxClient(url, clientTransport);
    }

    BayeuxClient cometd() {
        return cometd;
    }

    /** The transport CometD actually negotiated. */
    String transportName() {
        return cometd.getTransport().getName();
    }

    private void received(Message message) {
        JsonNode data = Json.MAPPER.valueToTree(message.getDataAsMap());
        ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("$channel", message.getChannel());
        notifications.add(data);
    }

    String sessionId() {
        CookieManager cookies = (CookieManager) http.cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    // ---- REST ----

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.api(path))).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(server.api(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(server.api(path)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.api(path))).DELETE());
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(WAIT).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            // Every reply of every end-to-end test must be what the OpenAPI description says (docs/openapi.md).
            OpenApiReplies.DESCRIPTION.check(built.method(), built.uri(), response.statusCode(), body);
            return new Response(response.statusCode(), response.headers(), body.isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs an operation on a call and checks that it was accepted. */
    void perform(String callId, String json) {
        Response response = post("/me/calls/" + callId, json);
        assertThat(response.body()).as("reply to %s on %s", json, callId).isEqualTo(Json.MAPPER.createObjectNode().put("statusCode", 0));
        assertThat(response.status()).isEqualTo(200);
    }

    /** Dials and returns the call of the first notification, which must be Dialing. */
    JsonNode dial(String destination) {
        Response response = post("/me/devices/" + deviceId + "/calls",
                "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"" + destination + "\"}}");
        assertThat(response.status()).as("Dial %s: %s", destination, response.body()).isEqualTo(200);
        return expectCall("StatusChange", "Dialing");
    }

    /** A call with a customer on the line: a far end that answers at once (5550100). Returns its id. */
    String callWithCustomer() {
        String id = dial("5550100").path("id").asText();
        expectCall("StatusChange", "Established");
        return id;
    }

    /** POSTs an operation with a JSON body written with single quotes, for readability in tests. */
    void perform(String callId, String operation, String moreJson) {
        perform(callId, ("{'operationName':'" + operation + "'" + (moreJson.isEmpty() ? "" : "," + moreJson) + "}").replace('\'', '"'));
    }

    /** POSTs an operation (JSON written with single quotes) to a path under /api/v2 and checks it was accepted. */
    void operate(String path, String operation, String moreJson) {
        String json = ("{'operationName':'" + operation + "'" + (moreJson.isEmpty() ? "" : "," + moreJson) + "}").replace('\'', '"');
        Response response = post(path, json);
        assertThat(response.body()).as("reply to %s on %s", json, path).isEqualTo(Json.MAPPER.createObjectNode().put("statusCode", 0));
        assertThat(response.status()).isEqualTo(200);
    }

    /** StartContactCenterSession, as desktops send it; the agent is then Not Ready. */
    void startSession() {
        operate("/me", "StartContactCenterSession", "'channels':['voice']");
    }

    /** An agent state operation on the voice channel, where GWS documents them. */
    void setState(String operation) {
        operate("/me/channels/voice", operation, "");
    }

    /** Logs in to the contact centre and goes Ready, taking the two device notifications that causes. */
    void startSessionAndBeReady() {
        startSession();
        expectDevice("NotReady", null);
        setState("Ready");
        expectDevice("Ready", null);
    }

    /** A customer calls through the simulator, as admin; returns the call's id. */
    static String customerCalls(ServerAddress server, String to, String moreJson) {
        Agent admin = new Agent(server, "admin");
        Response response = admin.sim("/calls", ("{'from':'5551234','to':'" + to + "'" + (moreJson.isEmpty() ? "" : "," + moreJson) + "}").replace('\'', '"'));
        assertThat(response.status()).as("customer call: %s", response.body()).isEqualTo(200);
        return response.body().path("call").path("id").asText();
    }

    /** POSTs JSON to a path under /sim. */
    Response sim(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(server.local() + "/sim" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response simDelete(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.local() + "/sim" + path)).DELETE());
    }

    Response simGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.local() + "/sim" + path)).GET());
    }

    // ---- notifications ----

    /**
     * The next notification must be a DeviceStateChangeMessage about this agent's device with the agent in
     * this state (GWS {@code userState.state}) and work mode (null for none); returns the device.
     */
    JsonNode expectDevice(String state, String workMode) {
        JsonNode message = next();
        assertThat(message.path("messageType").asText()).as("%s: %s", userName, message).isEqualTo("DeviceStateChangeMessage");
        assertThat(message.path("$channel").asText()).isEqualTo("/v2/me/devices");
        // GWS's keys, in its order (shared/spec/wwe-8.5-session.md, b.2); $channel is the test's own note
        assertThat(SeedDialTest.fieldNames(message)).containsExactly("devices", "messageType", "metrics", "$channel");
        assertThat(SeedDialTest.fieldNames(message.path("metrics").path("eventProcessing")))
                .containsExactly("nodeProcessingTimeNanos", "serverGenerationTimestamp", "serverProcessingTimeTotalMs");
        assertThat(message.path("devices")).hasSize(1);
        JsonNode device = message.path("devices").path(0);
        assertThat(device.path("id").asText()).isEqualTo(deviceId);
        assertThat(device.path("userState").path("state").asText()).as("%s: %s", userName, message).isEqualTo(state);
        assertThat(device.path("userState").path("workMode").asText(null)).as("%s: %s", userName, message).isEqualTo(workMode);
        return device;
    }

    /** The next notification, whatever it is. */
    JsonNode next() {
        try {
            JsonNode next = notifications.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError(userName + " received no notification within " + WAIT);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next notification must be a CallStateChangeMessage of this type with the call in this state; returns the call. */
    JsonNode expectCall(String notificationType, String state) {
        JsonNode message = next();
        assertThat(message.path("messageType").asText()).as("%s: %s", userName, message).isEqualTo("CallStateChangeMessage");
        assertThat(message.path("notificationType").asText()).as("%s: %s", userName, message).isEqualTo(notificationType);
        assertThat(message.path("call").path("state").asText()).as("%s: %s", userName, message).isEqualTo(state);
        assertThat(message.path("phoneNumber").asText()).isEqualTo(dn);
        return message.path("call");
    }

    /** The next notification must be a CallStateChangeMessage about this call; returns the call. */
    JsonNode expectCall(String callId, String notificationType, String state) {
        JsonNode call = expectCall(notificationType, state);
        assertThat(call.path("id").asText()).as("%s: the call of %s %s", userName, notificationType, state).isEqualTo(callId);
        return call;
    }

    /** The next notification must be an ErrorMessage with this code; returns it. */
    JsonNode expectError(int errorCode) {
        JsonNode message = next();
        assertThat(message.path("messageType").asText()).as("%s: %s", userName, message).isEqualTo("ErrorMessage");
        assertThat(message.path("errorCode").asInt()).as("%s: %s", userName, message).isEqualTo(errorCode);
        return message;
    }

    /** Nothing more arrives: proven by a marker (DTMF on a live call) being the very next notification. */
    void expectNothingBefore(String liveCallId) {
        perform(liveCallId, "{\"operationName\":\"SendDtmf\",\"digits\":\"0\"}");
        JsonNode message = next();
        assertThat(message.path("notificationType").asText()).as("%s got an unexpected notification: %s", userName, message).isEqualTo("DtmfSent");
        assertThat(message.path("call").path("id").asText()).isEqualTo(liveCallId);
    }

    java.util.List<JsonNode> drain() {
        java.util.List<JsonNode> all = new ArrayList<>();
        notifications.drainTo(all);
        return all;
    }

    int pending() {
        return notifications.size();
    }

    @Override
    public void close() {
        if (cometd != null) {
            // Not disconnect(timeout): it also waits for the last long poll to come back, and when that
            // poll has just returned it waits the whole timeout (CometD's own comment says so).
            cometd.disconnect();
            cometd.waitFor(WAIT.toMillis(), BayeuxClient.State.DISCONNECTED);
        }
    }

    static org.eclipse.jetty.client.HttpClient jetty() {
        return JETTY;
    }

    static WebSocketContainer websockets() {
        return WEBSOCKETS;
    }

    private static org.eclipse.jetty.client.HttpClient startedJettyClient() {
        org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
        client.setHttpCookieStore(new HttpCookieStore.Empty()); // each BayeuxClient keeps its own cookies
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return client;
    }
}
