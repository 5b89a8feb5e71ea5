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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.cometd.common.JacksonJSONContextClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the durability promise costs a desktop: from hanging up over REST to receiving the call's
 * {@code Released} over CometD, which the server sends only once the call's history is committed to the
 * embedded H2 database (docs/call-history.md). Each invocation first makes a call to a far end that
 * answers at once (not measured), then hangs it up (measured). One agent, one call at a time, so this is
 * the latency of one commit, not throughput; compare with {@link RoundTripBenchmark}, which never
 * waits for the database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReleaseRoundTripBenchmark {

    @Param({"long-polling", "websocket"})
    public String transport;

    DialtoneServer server;
    Path data;
    HttpClient http;
    org.eclipse.jetty.client.HttpClient jetty;
    BayeuxClient cometd;
    final BlockingQueue<Map<String, Object>> notifications = new LinkedBlockingQueue<>();
    String api;
    HttpRequest dial;
    HttpRequest hangup;

    @Setup
    public void start() throws Exception {
        data = Files.createTempDirectory("dialtone-bench-data");
        server = new DialtoneServer(ConfigLoader.load(List.of("server: {port: 0}\n", "storage: {dataDir: '" + data + "'}\n"))).start();
        try {
            connect();
        } catch (Exception | Error e) {
            server.close(); // or the forked JVM never exits
            throw e;
        }
    }

    private void connect() throws Exception {
        api = server.localUrl() + "/api/v2";
        String basic = "Basic " + Base64.getEncoder().encodeToString("agent1:demo".getBytes());
        CookieManager cookies = new CookieManager();
        http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(URI.create(api + "/me")).header("Authorization", basic).build(), HttpResponse.BodyHandlers.discarding());
        String session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElseThrow();
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
        dial = HttpRequest.newBuilder(URI.create(api + "/me/devices/631608b3-ceb1-472b-ba05-2ae39555b0d1/calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5550100\"}}")).build();
    }

    /** A call to 5550100, established; not measured. */
    @Setup(Level.Invocation)
    public void call() throws Exception {
        send(dial);
        String callId = callId(expect("Dialing"));
        expect("Established");
        hangup = HttpRequest.newBuilder(URI.create(api + "/me/calls/" + callId)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operationName\":\"Hangup\"}")).build();
    }

    @TearDown
    public void stop() throws Exception {
        cometd.disconnect();
        cometd.waitFor(5_000, BayeuxClient.State.DISCONNECTED);
        if (jetty != null) {
            jetty.stop();
        }
        server.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Benchmark
    public Map<String, Object> hangupToReleased() throws Exception {
        send(hangup);
        return expect("Released");
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<Void> reply = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + reply.statusCode());
        }
    }

    private Map<String, Object> expect(String state) throws InterruptedException {
        Map<String, Object> notification = notifications.poll(5, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        Map<String, Object> call = notification == null ? null : (Map<String, Object>) notification.get("call");
        if (call == null || !state.equals(call.get("state"))) {
            throw new IllegalStateException("expected " + state + ", got " + notification);
        }
        return notification;
    }

    @SuppressWarnings("unchecked")
    private static String callId(Map<String, Object> notification) {
        return (String) ((Map<String, Object>) notification.get("call")).get("id");
    }
}
