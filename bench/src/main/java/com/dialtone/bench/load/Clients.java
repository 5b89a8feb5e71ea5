package com.dialtone.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.cometd.common.JacksonJSONContextClient;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What every simulated desktop shares, as a well-built client fleet would: one Jetty HTTP client for REST,
 * one for CometD's long-polling, one websocket container, one scheduler. Each desktop has its own HTTP
 * session cookie and its own CometD session; no cookie is shared through a client-wide store.
 */
final class Clients implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String transport;
    private final HttpClient rest;
    private final HttpClient longPolling;
    private final WebSocketContainer websocket;
    final ScheduledExecutorService scheduler;

    Clients(String transport, int sessions) throws Exception {
        this.transport = transport;
        scheduler = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "bench-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        rest = httpClient("bench-rest", sessions);
        // Every long-polling session holds a connection for its /meta/connect, and needs another to send.
        longPolling = transport.equals("websocket") ? null : httpClient("bench-cometd", 2 * sessions + 64);
        websocket = transport.equals("websocket") ? ContainerProvider.getWebSocketContainer() : null;
        if (websocket != null) {
            websocket.setDefaultMaxSessionIdleTimeout(0);
        }
    }

    private static HttpClient httpClient(String name, int connections) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName(name);
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setMaxConnectionsPerDestination(Math.max(64, connections));
        client.setMaxRequestsQueuedPerDestination(Math.max(1024, 4 * connections));
        client.setIdleTimeout(120_000);
        client.setConnectTimeout(10_000);
        client.start();
        return client;
    }

    /** A logged-in desktop: its {@code JSESSIONID} and the id of its (first) device. */
    record Login(String userName, String sessionCookie, String deviceId) {
    }

    /**
     * Logs users in with HTTP Basic ({@code GET /api/v2/me/devices}), a bounded number at a time, and keeps each
     * one's session cookie, as a desktop does.
     */
    List<Login> login(String api, List<String> userNames, String password) {
        Semaphore concurrent = new Semaphore(32);
        List<CompletableFuture<Login>> logins = new ArrayList<>();
        for (String userName : userNames) {
            concurrent.acquireUninterruptibly();
            CompletableFuture<Login> login = new CompletableFuture<>();
            login.whenComplete((result, failure) -> concurrent.release());
            logins.add(login);
            String basic = "Basic " + Base64.getEncoder().encodeToString((userName + ":" + password).getBytes(StandardCharsets.UTF_8));
            rest.newRequest(api + "/me/devices?fields=id").headers(h -> h.put(HttpHeader.AUTHORIZATION, basic))
                    .timeout(30, TimeUnit.SECONDS)
                    .send(new BufferingResponseListener() {
                        @Override
                        public void onComplete(org.eclipse.jetty.client.Result result) {
                            try {
                                if (result.isFailed()) {
                                    throw new IllegalStateException(result.getFailure());
                                }
                                if (result.getResponse().getStatus() != 200) {
                                    throw new IllegalStateException("HTTP " + result.getResponse().getStatus() + " " + getContentAsString());
                                }
                                String cookie = result.getResponse().getHeaders().getValuesList(HttpHeader.SET_COOKIE).stream()
                                        .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(11).split(";", 2)[0])
                                        .findFirst().orElseThrow(() -> new IllegalStateException("no JSESSIONID"));
                                JsonNode devices = JSON.readTree(getContentAsString()).path("devices");
                                if (devices.isEmpty()) {
                                    throw new IllegalStateException("the user has no device");
                                }
                                login.complete(new Login(userName, cookie, devices.get(0).path("id").asText()));
                            } catch (Exception e) {
                                login.completeExceptionally(new IllegalStateException("logging in " + userName + ": " + e.getMessage(), e));
                            }
                        }
                    });
        }
        return logins.stream().map(CompletableFuture::join).toList();
    }

    /**
     * A CometD session, handshaken with the desktop's cookie and subscribed to a channel; completes once the
     * subscription is confirmed.
     */
    CompletableFuture<BayeuxClient> connect(String notificationsUrl, String sessionCookie, String channel,
                                            Function<BayeuxClient, ClientSessionChannel.MessageListener> listener) {
        Map<String, Object> options = new HashMap<>();
        options.put(ClientTransport.JSON_CONTEXT_OPTION, new JacksonJSONContextClient());
        // Long-polls are held 25 s by default; allow for a busy machine before calling the server gone.
        options.put(ClientTransport.MAX_NETWORK_DELAY_OPTION, 30_000);
        ClientTransport clientTransport = websocket != null
                ? new WebSocketTransport(null, options, scheduler, websocket)
                : new JettyHttpClientTransport(null, options, scheduler, longPolling);
        BayeuxClient client = new BayeuxClient(notificationsUrl, scheduler, clientTransport);
        if (sessionCookie != null) {
            client.putCookie(HttpCookie.from("JSESSIONID", sessionCookie));
        }
        CompletableFuture<BayeuxClient> subscribed = new CompletableFuture<>();
        ClientSessionChannel.MessageListener onMessage = listener.apply(client);
        client.handshake(handshake -> {
            if (!handshake.isSuccessful()) {
                subscribed.completeExceptionally(new IllegalStateException("handshake refused: " + handshake));
                client.disconnect();
                return;
            }
            client.getChannel(channel).subscribe(onMessage, reply -> {
                if (reply.isSuccessful()) {
                    subscribed.complete(client);
                } else {
                    subscribed.completeExceptionally(new IllegalStateException("subscription refused: " + reply));
                }
            });
        });
        return subscribed;
    }

    /** Connects many sessions, a bounded number of handshakes at a time. */
    <T> List<T> connectAll(List<T> items, Function<T, CompletableFuture<?>> connect) {
        Semaphore concurrent = new Semaphore(64);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (T item : items) {
            concurrent.acquireUninterruptibly();
            CompletableFuture<?> connected = connect.apply(item).orTimeout(60, TimeUnit.SECONDS);
            connected.whenComplete((result, failure) -> concurrent.release());
            all.add(connected);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return items;
    }

    /** A POST of JSON with the desktop's cookie; the callback gets null on HTTP 200 with statusCode 0. */
    void post(String url, String sessionCookie, String json, java.util.function.Consumer<String> reply) {
        Request request = rest.newRequest(url).method(HttpMethod.POST)
                .headers(h -> h.put(HttpHeader.COOKIE, "JSESSIONID=" + sessionCookie))
                .body(new StringRequestContent("application/json", json))
                .timeout(30, TimeUnit.SECONDS);
        request.send(new BufferingResponseListener(16 * 1024) {
            @Override
            public void onComplete(org.eclipse.jetty.client.Result result) {
                if (result.isFailed()) {
                    reply.accept(String.valueOf(result.getFailure()));
                } else if (result.getResponse().getStatus() != 200 || !getContentAsString().contains("\"statusCode\":0")) {
                    reply.accept("HTTP " + result.getResponse().getStatus() + " " + getContentAsString());
                } else {
                    reply.accept(null);
                }
            }
        });
    }

    static void disconnectAll(List<BayeuxClient> clients) {
        for (BayeuxClient client : clients) {
            client.disconnect();
        }
        for (BayeuxClient client : clients) {
            client.waitFor(5_000, BayeuxClient.State.DISCONNECTED);
        }
    }

    @Override
    public void close() throws Exception {
        if (rest != null) {
            rest.stop();
        }
        if (longPolling != null) {
            longPolling.stop();
        }
        scheduler.shutdownNow();
    }
}
