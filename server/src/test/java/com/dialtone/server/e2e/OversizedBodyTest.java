package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's first defect: a refused oversized body must reach the client as a 4xx JSON reply every time, never as
 * a reset connection (EPIPE, "fetch failed"). The client here is a raw socket that does what HTTP clients do: it
 * writes the whole body while reading the reply, and sends its next request on the same connection unless the
 * server said {@code Connection: close} (then on a new one). 5 MB bodies, declared or chunked, to REST and CometD.
 */
class OversizedBodyTest extends EndToEndTest {

    private static final int BODY = 5 * 1024 * 1024;
    private static final int ROUNDS = 12;
    private final ExecutorService writers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void aDeclaredOversizedRestBody_alwaysGets413() throws Exception {
        everyRoundGets413("/api/v2/me/calls/nope", false);
    }

    @Test
    void aChunkedOversizedRestBody_alwaysGets413() throws Exception {
        everyRoundGets413("/api/v2/me/calls/nope", true);
    }

    @Test
    void aDeclaredOversizedCometdBody_alwaysGets413() throws Exception {
        everyRoundGets413("/api/v2/notifications/handshake", false);
    }

    @Test
    void aChunkedOversizedCometdBody_alwaysGets413() throws Exception {
        everyRoundGets413("/api/v2/notifications/handshake", true);
    }

    /** Refused before the body is read at all: the route does not exist. */
    @Test
    void anOversizedBodyToAnUnknownPath_alwaysGets4xx() throws Exception {
        everyRoundGets413("/api/v2/no-such-thing", false);
    }

    /** Past what the server reads away (32 MiB) it says Connection: close and lingers; the reply still arrives. */
    @Test
    void aHugeBody_getsItsReply_beforeTheConnectionCloses() throws Exception {
        restOnly("agent1");
        URI base = URI.create(server.local());
        byte[] body = new byte[40 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        for (int round = 0; round < 3; round++) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(10_000);
                Reply reply = exchange(socket, "/api/v2/me/calls/nope", body, false, round);
                assertThat(reply.status()).isEqualTo(413);
                assertThat(reply.close()).isTrue();
                assertThat(reply.json().path("statusCode").asInt()).isEqualTo(10);
            }
        }
    }

    /** Node's fetch (undici), the client the defect was found with: each 5 MB request gets its 413. */
    @Test
    void nodeFetch_alwaysGets413() throws Exception {
        restOnly("agent1");
        String script = """
                const [url, auth] = process.argv.slice(1);
                const big = JSON.stringify({operationName: 'UpdateUserData', userData: {big: 'x'.repeat(5 * 1024 * 1024)}});
                let ok = 0;
                for (let i = 0; i < 20; i++) {
                  for (const body of ['{"operationName":"Hangup"}', '{"operationName":"Hangup"}', big]) {
                    const r = await fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json', Authorization: auth}, body});
                    const json = await r.json();
                    if ((r.status !== 413 && r.status !== 404) || !(json.statusCode > 0)) throw new Error('got ' + r.status + ' ' + JSON.stringify(json));
                    if (body === big) ok++;
                  }
                }
                console.log('413 x' + ok);
                """;
        Process node = new ProcessBuilder("node", "--input-type=module", "-e", script, server.api("/me/calls/nope"),
                Agent.basic("agent1", "demo")).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("node's output").contains("413 x20");
        assertThat(node.exitValue()).isZero();
    }

    private void everyRoundGets413(String path, boolean chunked) throws Exception {
        restOnly("agent1"); // the server is up and the user exists
        URI base = URI.create(server.local());
        byte[] body = ("{\"operationName\":\"UpdateUserData\",\"userData\":{\"big\":\"" + "x".repeat(BODY) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Socket socket = null;
        int reused = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                if (socket == null) {
                    socket = new Socket(base.getHost(), base.getPort());
                    socket.setSoTimeout(10_000);
                    // As in the issue: the connection has just served two refused requests with small bodies.
                    for (int small = 0; small < 2; small++) {
                        Reply refused = exchange(socket, "/api/v2/me/calls/nope", "{\"operationName\":\"Hangup\"}".getBytes(StandardCharsets.UTF_8),
                                chunked, round);
                        assertThat(refused.status()).isEqualTo(404);
                        assertThat(refused.close()).as("a small refused body is read away; the connection stays").isFalse();
                    }
                    reused++;
                } else {
                    reused++;
                }
                Reply reply = exchange(socket, path, body, chunked, round);
                assertThat(reply.status()).as("round %d: %s", round, reply).isBetween(400, 499);
                if (!path.endsWith("no-such-thing")) {
                    assertThat(reply.status()).as("round %d", round).isEqualTo(413);
                }
                assertThat(reply.json().path("statusCode").asInt(-1)).as("round %d: %s", round, reply).isPositive();
                assertThat(reply.json().path("statusMessage").asText()).as("round %d", round).isNotBlank();
                if (reply.close()) {
                    socket.close();
                    socket = null;
                }
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
        // Informational: how often the connection was kept (both are fine, a reset is not).
        System.out.printf("%s%s: %d of %d rounds on a reused connection%n", path, chunked ? " (chunked)" : "", reused, ROUNDS);
        assertThat(restOnly("agent2").get("/me").status()).as("the server goes on").isEqualTo(200);
    }

    private Reply exchange(Socket socket, String path, byte[] body, boolean chunked, int round) throws Exception {
        OutputStream out = socket.getOutputStream();
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + Agent.basic("agent1", "demo") + "\r\n"
                + "Content-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                int chunk = 64 * 1024;
                for (int at = 0; at < body.length; at += chunk) {
                    int n = Math.min(chunk, body.length - at);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(body, at, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // The server may stop reading once it has replied and said it closes; the reply is what counts.
            }
        }, writers);
        Reply reply;
        try {
            reply = readReply(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("round " + round + ": no reply, the connection failed: " + e, e);
        }
        if (!reply.close()) {
            // A connection the server keeps must have read the whole body: the writer finishes.
            writing.get(10, TimeUnit.SECONDS);
        }
        return reply;
    }

    private record Reply(int status, boolean close, JsonNode json) {
    }

    private static Reply readReply(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed before any reply");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = -1;
        boolean close = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (length < 0) {
            throw new IOException("reply " + statusLine + " has no Content-Length");
        }
        byte[] content = in.readNBytes(length);
        if (content.length < length) {
            throw new IOException("reply " + statusLine + " was cut: " + content.length + " of " + length + " bytes");
        }
        return new Reply(status, close, Json.MAPPER.readTree(content));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(Arrays.copyOf(bytes, end), StandardCharsets.US_ASCII);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }
}
