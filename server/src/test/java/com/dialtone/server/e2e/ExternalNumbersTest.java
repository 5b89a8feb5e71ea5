package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo dial plan's external numbers, played by the switch's simulated far ends (docs/dial-plan.md).
 * The test server's no-answer timeout is 2 s instead of 30 s.
 */
class ExternalNumbersTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anyOtherNumber_isOutbound_andAnswersAfterOneSecond(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);

        long dialled = System.nanoTime();
        JsonNode dialing = agent1.dial("5551212");
        assertThat(dialing.path("callType").asText()).isEqualTo("Outbound");
        assertThat(dialing.path("dnis").asText()).isEqualTo("5551212");
        assertThat(dialing.path("participants").path(0).path("phoneNumber").asText()).isEqualTo("5551212");

        JsonNode established = agent1.expectCall("StatusChange", "Established");
        long rang = (System.nanoTime() - dialled) / 1_000_000;
        assertThat(rang).as("ms before the far end answered").isBetween(900L, 3000L);
        assertThat(established.path("id").asText()).isEqualTo(dialing.path("id").asText());

        agent1.perform(dialing.path("id").asText(), "{\"operationName\":\"Hangup\"}");
        assertThat(agent1.expectCall("StatusChange", "Released").path("capabilities")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void number5550100_answersAtOnce(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        long dialled = System.nanoTime();
        agent1.dial("5550100");

        agent1.expectCall("StatusChange", "Established");

        assertThat((System.nanoTime() - dialled) / 1_000_000).as("ms before the far end answered").isLessThan(900L);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void number5550186_isBusy_theClientIsToldWhy_andTheCallIsReleased(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        String id = agent1.dial("5550186").path("id").asText();

        JsonNode error = agent1.next();
        assertThat(error.path("messageType").asText()).isEqualTo("ErrorMessage");
        assertThat(error.path("errorCode").asInt()).isEqualTo(101);
        assertThat(error.path("errorMessage").asText()).isEqualTo("Destination 5550186 is busy");
        assertThat(error.path("callId").asText()).isEqualTo(id);
        assertThat(error.path("callUri").asText()).isEqualTo(server.base() + "/api/v2/me/calls/" + id);
        assertThat(error.path("phoneNumber").asText()).isEqualTo("15001");
        assertThat(error.path("channel").asText()).isEqualTo("/v2/me/calls");
        assertThat(error.path("metrics").path("eventProcessing").path("nodeProcessingTimeNanos").asLong()).isPositive();

        JsonNode released = agent1.expectCall("StatusChange", "Released");
        assertThat(released.path("id").asText()).isEqualTo(id);
        assertThat(released.path("capabilities")).isEmpty();
        InternalCallTest.assertNoCalls(agent1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void number5550187_ringsWithoutAnswer_untilTheNoAnswerTimeoutReleasesIt(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        long dialled = System.nanoTime();
        String id = agent1.dial("5550187").path("id").asText();

        JsonNode error = agent1.next();
        assertThat((System.nanoTime() - dialled) / 1_000_000).as("ms of ringing").isBetween(1900L, 4000L);
        assertThat(error.path("messageType").asText()).isEqualTo("ErrorMessage");
        assertThat(error.path("errorCode").asInt()).isEqualTo(102);
        assertThat(error.path("errorMessage").asText()).isEqualTo("Destination 5550187 did not answer");
        assertThat(error.path("callId").asText()).isEqualTo(id);
        agent1.expectCall("StatusChange", "Released");
        InternalCallTest.assertNoCalls(agent1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void number5550188_answers_thenHangsUpThreeSecondsLater(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        long dialled = System.nanoTime();
        String id = agent1.dial("5550188").path("id").asText();

        agent1.expectCall("StatusChange", "Established");
        long answered = System.nanoTime();
        JsonNode released = agent1.expectCall("StatusChange", "Released");

        // The three seconds run on the server from the answer, which lies between the Dial sent and the
        // Established received: so at least 3 s since the Dial, and at most 3 s (and delivery) since Established.
        long now = System.nanoTime();
        assertThat((now - dialled) / 1_000_000).as("ms since the Dial").isGreaterThanOrEqualTo(3000L);
        assertThat((now - answered) / 1_000_000).as("ms since Established").isLessThan(4500L);
        assertThat(released.path("id").asText()).isEqualTo(id);
        assertThat(released.path("duration").asText()).isIn("3", "4");
        InternalCallTest.assertNoCalls(agent1);
    }
}
