package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.config.StorageSettings;
import com.dialtone.server.storage.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The durability gate, made visible: with the server on PostgreSQL, the test locks the history table so
 * that the history cannot be written. A {@code Released} must then not arrive, nor anything after it for
 * the same user (the next call's {@code Dialing}); other users go on as usual. Once the lock goes, the
 * held notifications arrive in order, and the call is in the history at that moment.
 */
class DurabilityGateTest {

    private static final long HELD_MILLIS = 700;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aReleasedWaitsForItsCommit_andHoldsBackOnlyItsOwnUsersLaterNotifications(Transport transport) throws Exception {
        try (TestDatabase.Fresh fresh = TestDatabase.POSTGRESQL.create(); GwsServer server = GwsServer.start(postgres(fresh.settings()))) {
            List<Agent> agents = new ArrayList<>();
            try {
                Agent agent1 = Agent.login(server, "agent1", transport);
                Agent agent2 = Agent.login(server, "agent2", transport);
                agents.add(agent1);
                agents.add(agent2);
                String id = agent1.callWithCustomer();
                String nextId;
                try (Connection lock = DriverManager.getConnection(fresh.settings().url(), fresh.settings().user(), fresh.settings().password())) {
                    lock.setAutoCommit(false);
                    try (Statement statement = lock.createStatement()) {
                        statement.execute("LOCK TABLE call_history IN SHARE ROW EXCLUSIVE MODE"); // no writes until commit
                    }

                    agent1.perform(id, "Hangup", "");
                    Thread.sleep(HELD_MILLIS);
                    assertThat(agent1.pending()).as("Released before its history is written").isZero();
                    // agent1's next call is made at once, but its notifications queue behind the Released
                    Response dial = agent1.post("/me/devices/" + agent1.deviceId + "/calls",
                            "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5550100\"}}");
                    assertThat(dial.status()).isEqualTo(200);
                    // another user is not held up
                    String other = agent2.dial("5550100").path("id").asText();
                    agent2.expectCall(other, "StatusChange", "Established");
                    assertThat(agent1.get("/me/calls").body().path("uris")).as("the switch went on: agent1 is on the next call").hasSize(1);
                    assertThat(agent1.pending()).as("still nothing for agent1").isZero();

                    lock.commit();
                }
                agent1.expectCall(id, "StatusChange", "Released");
                JsonNode recorded = History.call(agent1, id);
                assertThat(recorded.has("endedAt")).isTrue();
                nextId = agent1.expectCall("StatusChange", "Dialing").path("id").asText();
                agent1.expectCall(nextId, "StatusChange", "Established");
                assertThat(nextId).isNotEqualTo(id);
            } finally {
                agents.forEach(Agent::close);
            }
        }
    }

    /** The configuration overlay that puts the server on this PostgreSQL database. */
    private static String postgres(StorageSettings settings) {
        return "storage: {url: " + quoted(settings.url()) + ", user: " + quoted(settings.user()) + ", password: "
                + quoted(settings.password()) + "}\n";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }
}
