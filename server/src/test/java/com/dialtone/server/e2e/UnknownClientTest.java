package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code 402::unknown client} path (docs/reliability.md): a client cut off for longer than
 * {@code notifications.maxInterval} has been forgotten by the server. On its next connect it is told so, handshakes
 * again, subscribes again, and re-reads its state with GET, which shows what it missed; from then on it is notified
 * again. The Java client (here with the ack extension, which cannot help across a lost session) and the
 * JavaScript client of examples/cometd-js both do it.
 */
class UnknownClientTest extends EndToEndTest {

    @Override
    protected String[] configuration() {
        return new String[] {"notifications: {maxInterval: 1s}\n"};
    }

    @Test
    void aForgottenClient_handshakesAgain_rereadsItsState_andIsNotifiedAgain() throws Exception {
        JavaScriptClientTest.installExample();
        Agent agent1 = restOnly("agent1");
        try (CuttingProxy proxy = new CuttingProxy(server.local())) {
            Listener java = new Listener(agent1, proxy.address(), Transport.LONG_POLLING, true, "/v2/me/calls");
            Process js = NotificationsAcrossCutsTest.node(proxy, "agent1", "long-polling");
            List<String> jsLines = NotificationsAcrossCutsTest.lines(js);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> jsLines.contains("# connected over long-polling"));

                proxy.refuse(true); // the network is gone, for longer than maxInterval
                Response dial = agent1.post("/me/devices/" + agent1.deviceId + "/calls",
                        "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15002\"}}");
                assertThat(dial.status()).isEqualTo(200);
                Thread.sleep(3_500); // maxInterval 1 s, and the server's sweep of expired sessions runs each second
                proxy.refuse(false);

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(java.handshakes).hasValue(2));
                await().atMost(Duration.ofSeconds(10)).until(() -> jsLines.contains("# handshake again: state re-read, HTTP 200"));
                assertThat(java.received).as("the Dialing was sent while nobody listened: lost with the old session").isEmpty();
                // What a client does after handshaking again: read the state, which has the call it missed.
                JsonNode calls = agent1.get("/me/calls?fields=*").body().path("calls");
                assertThat(calls).hasSize(1);
                String id = calls.path(0).path("id").asText();
                assertThat(calls.path(0).path("state").asText()).isEqualTo("Dialing");

                agent1.perform(id, "{\"operationName\":\"Hangup\"}");
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    assertThat(java.received).anySatisfy(m -> {
                        assertThat(m.path("call").path("id").asText()).isEqualTo(id);
                        assertThat(m.path("call").path("state").asText()).isEqualTo("Released");
                    });
                    assertThat(jsLines).anySatisfy(line -> assertThat(line).startsWith("agent1: StatusChange Released " + id));
                });
            } finally {
                js.destroy();
                java.close();
            }
        }
    }
}
