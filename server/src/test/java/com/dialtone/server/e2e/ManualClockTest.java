package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.embedded.ManualSwitchLoop;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole server with its switch on the manual clock (the switch's test-jar): what the switch does on
 * its own in time (a far end answering, hanging up, a ring timing out) happens exactly when the test moves
 * the clock, and not a moment before, however slow the machine.
 */
class ManualClockTest {

    private final ManualSwitchLoop clock = new ManualSwitchLoop();
    private GwsServer server;
    private Agent agent1;

    @BeforeEach
    void start() throws Exception {
        server = GwsServer.onClock(clock);
        agent1 = Agent.login(server, "agent1", Transport.LONG_POLLING);
    }

    @AfterEach
    void stop() {
        agent1.close();
        server.close();
    }

    @Test
    void number5550188_answersAfterOneSecond_andHangsUpThreeSecondsLater_onTheSwitchClock() {
        String id = agent1.dial("5550188").path("id").asText(); // Dialing

        clock.advance(Duration.ofMillis(999));
        agent1.expectNothingBefore(id);
        clock.advance(Duration.ofMillis(1));
        agent1.expectCall(id, "StatusChange", "Established");

        clock.advance(Duration.ofMillis(2999));
        agent1.expectNothingBefore(id);
        clock.advance(Duration.ofMillis(1));
        JsonNode released = agent1.expectCall(id, "StatusChange", "Released");
        assertThat(released.path("duration").asText()).isEqualTo("4"); // the call lasted from the dial: 1 s ringing, 3 s talking
    }

    @Test
    void anUnansweredNumber_ringsUntilTheNoAnswerTimeout_exactly() {
        String id = agent1.dial("5550187").path("id").asText(); // Dialing

        clock.advance(Duration.ofMillis(1999)); // the test server's timeout is 2 s
        agent1.expectNothingBefore(id);
        clock.advance(Duration.ofMillis(1));
        JsonNode error = agent1.next();
        assertThat(error.path("messageType").asText()).isEqualTo("ErrorMessage");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Destination 5550187 did not answer");
        agent1.expectCall(id, "StatusChange", "Released");
    }
}
