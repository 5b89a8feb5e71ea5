package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reading the call history (GET /api/v2/me/call-history) in tests. */
final class History {

    private History() {
    }

    /** The reply to {@code GET /me/call-history?<query>}, which must be a success. */
    static JsonNode of(Agent agent, String query) {
        Response response = agent.get("/me/call-history" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(response.statusCode()).as("%s", response.body()).isZero();
        return response.body();
    }

    /** The ids of the calls in a history reply, in its order. */
    static List<String> ids(JsonNode reply) {
        return StreamSupport.stream(reply.path("calls").spliterator(), false).map(c -> c.path("id").asText()).toList();
    }

    /** The call in the agent's history, asked for once, at once: it must be there. */
    static JsonNode call(Agent agent, String callId) {
        JsonNode reply = of(agent, "limit=100");
        for (JsonNode call : reply.path("calls")) {
            if (call.path("id").asText().equals(callId)) {
                return call;
            }
        }
        throw new AssertionError("call " + callId + " is not in the history of " + agent.userName + ": " + reply);
    }

    /** The states one number went through in the call, in order. */
    static List<String> statesOf(JsonNode call, String number) {
        return StreamSupport.stream(call.path("states").spliterator(), false)
                .filter(s -> s.path("phoneNumber").asText().equals(number)).map(s -> s.path("state").asText()).toList();
    }

    /** The parties as "number" or "number/userName", in order of joining. */
    static List<String> parties(JsonNode call) {
        List<String> parties = new ArrayList<>();
        for (JsonNode party : call.path("parties")) {
            parties.add(party.path("phoneNumber").asText() + (party.has("userName") ? "/" + party.path("userName").asText() : ""));
        }
        return parties;
    }

    /**
     * State times are in order, the first at the call's start; parties joined after the start and left
     * after joining; an ended call's last state is its end, every party of it left, and its duration is
     * its length in whole seconds.
     */
    static void assertTimesConsistent(JsonNode call) {
        Instant started = Instant.parse(call.path("startedAt").asText());
        Instant previous = started;
        for (JsonNode state : call.path("states")) {
            Instant at = Instant.parse(state.path("at").asText());
            assertThat(at).as("states in order: %s", call.path("states")).isAfterOrEqualTo(previous);
            previous = at;
        }
        for (JsonNode party : call.path("parties")) {
            Instant joined = Instant.parse(party.path("joinedAt").asText());
            assertThat(joined).isAfterOrEqualTo(started);
            if (party.has("releasedAt")) {
                assertThat(Instant.parse(party.path("releasedAt").asText())).isAfterOrEqualTo(joined);
            }
        }
        assertThat(Instant.parse(call.path("states").path(0).path("at").asText())).isEqualTo(started);
        if (call.has("endedAt")) {
            Instant ended = Instant.parse(call.path("endedAt").asText());
            assertThat(previous).as("the last state is the end").isEqualTo(ended);
            assertThat(call.path("duration").asLong()).isEqualTo(Duration.between(started, ended).toSeconds());
            for (JsonNode party : call.path("parties")) {
                assertThat(party.has("releasedAt")).as("every party of an ended call left: %s", party).isTrue();
            }
        } else {
            assertThat(call.has("duration")).isFalse();
        }
    }
}
