package com.dialtone.bench;

import com.dialtone.server.DialtoneServer;
import com.dialtone.server.config.ConfigLoader;
import jakarta.websocket.ContainerProvider;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.cometd.common.JacksonJSONContextClient;
import org.eclipse.jetty.http.HttpCookieStore;

/**
 * A real server on a free port and a fresh data folder, and agent1 at a desktop: logged in over REST,
 * CometD (long-polling or websocket) listening to {@code /v2/me/calls}. What the round-trip benchmarks share.
 */
final class BenchDesktop implements AutoCloseable {

    static final String DEVICE_CALLS = "/me/devices/631608b3-ceb1-472b-ba05-2ae39555b0d1/calls";

    private final DialtoneServer server;
    private final Path data;
    private final String api;
    private final HttpClient http;
    private org.eclipse.jetty.client.HttpClient jetty;
    private BayeuxClient cometd;
    private final BlockingQueue<Map<String, Object>> notifications = new LinkedBlockingQueue<>();

    BenchDesktop(String transport, String configuration) throws Exception {
        data = Files.createTempDirectory("dialtone-bench-data");
        server = new DialtoneServer(ConfigLoader.load(List.of("server: {port: 0}\n", configuration,
                "storage: {dataDir: '" + data + "'}\n"))).start();
        api = server.localUrl() + "/api/v2";
        CookieManager cookies = new CookieManager();
        http = HttpClient.newBuilder().cookieHandler(cookies).build();
        try {
            String basic = "Basic " + Base64.getEncoder().encodeToString("agent1:demo".getBytes());
            http.send(HttpRequest.newBuilder(URI.create(api + "/me")).header("Authorization", basic).build(), HttpResponse.BodyHandlers.discarding());
            String session = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElseThrow();
            connect(transport, session);
        } catch (Exception | Error e) {
            close(); // or the forked JVM never exits
            throw e;
        }
    }

    private void connect(String transport, String session) throws Exception {
        Map<String, Object> options = new HashMap<>();
        options.put(ClientTransport.JSON_CONTEXT_OPTION, new JacksonJSONContextClient());
        ClientTransport clientTransport;
        if (transport.equals("websocket")) {
            clientTransport = new WebSocketTransport(options, null, ContainerProvider.getWebSocketContainer());
        } else {
            jetty = new org.eclipse.jetty.client.HttpClient();
            jetty.setHttpCookieStore(new HttpCookieStore.Empty());
            jetty.start();
            clientTransport = new JettyHttpClientTransport(options, jetty);
        }
        cometd = new BayeuxClient(api + "/notifications", clientTransport);
        cometd.putCookie(org.eclipse.jetty.http.HttpCookie.from("JSESSIONID", session));
        cometd.handshake(reply -> cometd.getChannel("/v2/me/calls")
                .subscribe((ClientSessionChannel.MessageListener) (channel, message) -> notifications.add(message.getDataAsMap())));
        if (!cometd.waitFor(5_000, BayeuxClient.State.CONNECTED)) {
            throw new IllegalStateException("CometD did not connect");
        }
        Thread.sleep(500); // let the subscription settle
    }

    /** A POST of this JSON to a path under /api/v2, built once so the benchmark measures only sending it. */
    HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    void send(HttpRequest request) throws Exception {
        HttpResponse<Void> reply = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + reply.statusCode());
        }
    }

    /** The next call notification, which must have this notificationType and the call this state. */
    Map<String, Object> expect(String notificationType, String state) throws InterruptedException {
        Map<String, Object> notification = notifications.poll(5, TimeUnit.SECONDS);
        Map<String, Object> call = notification == null ? null : callOf(notification);
        if (call == null || !notificationType.equals(notification.get("notificationType")) || !state.equals(call.get("state"))) {
            throw new IllegalStateException("expected " + notificationType + " " + state + ", got " + notification);
        }
        return notification;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> callOf(Map<String, Object> notification) {
        return (Map<String, Object>) notification.get("call");
    }

    @Override
    public void close() throws Exception {
        try {
            if (cometd != null) {
                cometd.disconnect();
                cometd.waitFor(5_000, BayeuxClient.State.DISCONNECTED);
            }
            if (jetty != null) {
                jetty.stop();
            }
            server.close();
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
