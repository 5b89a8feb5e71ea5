package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.AgentStateTest.assertRefused;
import static com.dialtone.server.e2e.History.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.embedded.ManualSwitchLoop;
import com.dialtone.switching.embedded.SwitchLoop;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the history: newest first, paged, by time range and by number; each user only their own calls;
 * every call for ROLE_ADMIN; every bad parameter refused.
 */
class CallHistoryQueryTest extends EndToEndTest {

    /** The switch's clock, which the history's times come from: the test spaces the calls' start times itself. */
    private final ManualSwitchLoop clock = new ManualSwitchLoop();
    private Agent agent1;
    /** agent1's calls, oldest first: to 5550100, to 15002, to 5550100, to 15002, to 5550100. */
    private final List<String> calls = new ArrayList<>();
    private final List<Instant> startedAt = new ArrayList<>();

    @Override
    protected SwitchLoop switchLoop() {
        return clock;
    }

    @BeforeEach
    void fiveCalls() throws Exception {
        agent1 = login("agent1", Transport.WEBSOCKET);
        for (int i = 0; i < 5; i++) {
            String destination = i % 2 == 0 ? "5550100" : "15002";
            String id = agent1.dial(destination).path("id").asText();
            clock.runDueTimers(); // 5550100 answers at once
            if (destination.equals("5550100")) {
                agent1.expectCall(id, "StatusChange", "Established");
            }
            agent1.perform(id, "Hangup", ""); // a call to 15002 ends while it rings
            agent1.expectCall(id, "StatusChange", "Released");
            calls.add(id);
            startedAt.add(Instant.parse(History.call(agent1, id).path("startedAt").asText()));
            clock.advance(Duration.ofMillis(5)); // distinct start times
        }
    }

    @Test
    void theHistory_isNewestFirst_andPaged() {
        JsonNode first = History.of(agent1, "");
        assertThat(SeedDialTest.fieldNames(first)).containsExactly("statusCode", "totalCount", "offset", "limit", "calls");
        assertThat(first.path("totalCount").asInt()).isEqualTo(5);
        assertThat(first.path("offset").asInt()).isZero();
        assertThat(first.path("limit").asInt()).isEqualTo(20);
        assertThat(ids(first)).containsExactly(c(4), c(3), c(2), c(1), c(0));

        JsonNode page1 = History.of(agent1, "limit=2");
        assertThat(ids(page1)).containsExactly(c(4), c(3));
        assertThat(page1.path("totalCount").asInt()).isEqualTo(5);
        assertThat(page1.path("limit").asInt()).isEqualTo(2);
        JsonNode page2 = History.of(agent1, "offset=2&limit=2");
        assertThat(ids(page2)).containsExactly(c(2), c(1));
        assertThat(page2.path("offset").asInt()).isEqualTo(2);
        assertThat(ids(History.of(agent1, "offset=4&limit=2"))).containsExactly(c(0));
        JsonNode beyond = History.of(agent1, "offset=10");
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.path("totalCount").asInt()).isEqualTo(5);
        assertThat(History.of(agent1, "limit=100").path("calls")).hasSize(5);
    }

    @Test
    void theHistory_isFilteredByNumber_andByTimeRange() {
        assertThat(ids(History.of(agent1, "number=15002"))).containsExactly(c(3), c(1));
        assertThat(ids(History.of(agent1, "number=5550100"))).containsExactly(c(4), c(2), c(0));
        assertThat(ids(History.of(agent1, "number=15001"))).hasSize(5);
        assertThat(History.of(agent1, "number=15002").path("totalCount").asInt()).isEqualTo(2);
        assertThat(ids(History.of(agent1, "number=5559999"))).isEmpty();

        assertThat(ids(History.of(agent1, "from=" + startedAt.get(2)))).as("from is inclusive").containsExactly(c(4), c(3), c(2));
        assertThat(ids(History.of(agent1, "to=" + startedAt.get(2)))).as("to is exclusive").containsExactly(c(1), c(0));
        assertThat(ids(History.of(agent1, "from=" + startedAt.get(1) + "&to=" + startedAt.get(3)))).containsExactly(c(2), c(1));
        String withOffset = startedAt.get(2).atOffset(ZoneOffset.ofHours(2)).toString();
        assertThat(withOffset).contains("+02:00");
        assertThat(ids(History.of(agent1, "from=" + URLEncoder.encode(withOffset, StandardCharsets.UTF_8)))).containsExactly(c(4), c(3), c(2));
        assertThat(ids(History.of(agent1, "from=" + withOffset))).as("an unencoded + arrives as a space").containsExactly(c(4), c(3), c(2));
        assertThat(ids(History.of(agent1, "from=" + startedAt.get(1) + "&number=5550100&limit=1"))).containsExactly(c(4));
        assertThat(History.of(agent1, "from=" + startedAt.get(1) + "&number=5550100&limit=1").path("totalCount").asInt()).isEqualTo(2);
    }

    @Test
    void eachUser_seesOnlyCallsTheirDevicesTookPartIn() throws Exception {
        Agent agent2 = restOnly("agent2");
        assertThat(ids(History.of(agent2, ""))).as("15002 rang in two of them").containsExactly(c(3), c(1));
        assertThat(ids(History.of(restOnly("agent3"), ""))).isEmpty();
        assertThat(ids(History.of(restOnly("admin"), ""))).as("admin has no device").isEmpty();
    }

    @Test
    void theWholeHistory_isForAdmins_withTheSameFilters() throws Exception {
        Agent agent3 = login("agent3", Transport.WEBSOCKET);
        String other = agent3.dial("5550100").path("id").asText();
        clock.runDueTimers(); // 5550100 answers at once
        agent3.expectCall(other, "StatusChange", "Established");
        agent3.perform(other, "Hangup", "");
        agent3.expectCall(other, "StatusChange", "Released");
        Agent admin = restOnly("admin");

        Response all = admin.get("/call-history");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("totalCount").asInt()).isEqualTo(6);
        assertThat(ids(all.body())).containsExactly(other, c(4), c(3), c(2), c(1), c(0));
        assertThat(ids(admin.get("/call-history?number=15003").body())).containsExactly(other);
        assertThat(ids(admin.get("/call-history?number=5550100&limit=2").body())).containsExactly(other, c(4));
        assertThat(admin.get("/call-history?number=5550100&limit=2").body().path("totalCount").asInt()).isEqualTo(4);
        assertThat(all.body().path("calls").path(0)).isEqualTo(History.call(agent3, other));

        assertRefused(agent1.get("/call-history"), 403, 5, "ROLE_ADMIN");
        assertRefused(agent3.get("/call-history?number=15001"), 403, 5, "ROLE_ADMIN");
        assertRefused(admin.get("/call-history?limit=101"), 400, 10, "limit");
    }

    @Test
    void badParameters_areRefused_withWhatIsWrong() {
        assertRefused(agent1.get("/me/call-history?from=yesterday"), 400, 10, "'from'");
        assertRefused(agent1.get("/me/call-history?to=2026-13-01T00:00:00Z"), 400, 10, "'to'");
        assertRefused(agent1.get("/me/call-history?from=2026-11-24"), 400, 10, "ISO-8601");
        assertRefused(agent1.get("/me/call-history?from=2026-11-24T10:00:00Z&to=2026-11-24T09:00:00Z"), 400, 10, "before");
        assertRefused(agent1.get("/me/call-history?from=2026-11-24T10:00:00Z&to=2026-11-24T10:00:00Z"), 400, 10, "before");
        assertRefused(agent1.get("/me/call-history?offset=-1"), 400, 10, "'offset'");
        assertRefused(agent1.get("/me/call-history?offset=ten"), 400, 10, "'offset'");
        assertRefused(agent1.get("/me/call-history?limit=101"), 400, 10, "from 1 to 100");
        assertRefused(agent1.get("/me/call-history?limit=0"), 400, 10, "'limit'");
        assertRefused(agent1.get("/me/call-history?limit=1.5"), 400, 10, "'limit'");
        assertRefused(agent1.get("/me/call-history?number="), 400, 10, "'number'");
        assertRefused(agent1.post("/me/call-history", "{}"), 405, 3, "GET");
    }

    private String c(int index) {
        return calls.get(index);
    }
}
