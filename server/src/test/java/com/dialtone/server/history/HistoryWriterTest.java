package com.dialtone.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.dialtone.server.storage.Database;
import com.dialtone.server.storage.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The history writer and the history queries, on H2 and on PostgreSQL: what is written reads back the
 * same, a newer record of a call replaces the older, queries filter and page, many calls share one
 * commit, a bad record costs only itself, and closing writes everything queued.
 */
class HistoryWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00.123Z");
    private static final String ALICE = "0000000000000000000000000000000a";
    private static final String BOB = "0000000000000000000000000000000b";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whatIsWritten_readsBackTheSame_andANewerRecordReplacesTheOlder(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create(); Database database = Database.open(fresh.settings());
             HistoryWriter writer = new HistoryWriter(database)) {
            CallRecord goingOn = call("C1", T0, null, List.of(party(0, "15001", ALICE, "alice", T0, T0.plusSeconds(5)),
                    party(1, "5550100", null, null, T0, null)));
            writer.submit(goingOn).get(5, TimeUnit.SECONDS);
            assertThat(only(database, query(ALICE))).isEqualTo(new HistoryStore.StoredCall(goingOn, HistoryStore.Interaction.NONE));

            Map<String, Object> data = new LinkedHashMap<>();
            data.put("Zeta", "last key first");
            data.put("Case", 42L);
            data.put("Text", "é ✓ 😀 \"quoted\"");
            Map<String, Object> party = new LinkedHashMap<>();
            party.put("username", "alice");
            party.put("path", "/users/1");
            party.put("tags", java.util.Arrays.asList(true, null, new java.math.BigDecimal("1.10"), List.of(), Map.of()));
            data.put("WWE_PARTY_15001", java.util.Collections.unmodifiableMap(party));
            data.put("Huge", new java.math.BigInteger("123456789012345678901234567890"));
            CallRecord ended = new CallRecord("C1", "00000000000000c1", "UUID-C1", "Outbound", "PARENT", T0, T0.plusSeconds(61), data,
                    "Stopped", List.of(party(0, "15001", ALICE, "alice", T0, T0.plusSeconds(5)),
                    party(1, "5550100", null, null, T0, T0.plusSeconds(61)), party(2, "15002", BOB, "bob", T0.plusSeconds(5), T0.plusSeconds(61))),
                    List.of(new CallRecord.State("15001", "Dialing", T0), new CallRecord.State("5550100", "Ringing", T0),
                            new CallRecord.State("15001", "Released", T0.plusSeconds(5)),
                            new CallRecord.State("15002", "Established", T0.plusSeconds(5)),
                            new CallRecord.State("15002", "Released", T0.plusSeconds(61))));
            writer.submit(ended).get(5, TimeUnit.SECONDS);

            HistoryStore.StoredCall stored = only(database, query(BOB));
            assertThat(stored.call()).isEqualTo(ended);
            assertThat(stored.call().userData().keySet()).containsExactly("Zeta", "Case", "Text", "WWE_PARTY_15001", "Huge");
            assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) stored.call().userData().get("WWE_PARTY_15001")).keySet())).as("nested keys in their order")
                    .containsExactly("username", "path", "tags");
            assertThat(only(database, query(ALICE)).call()).isEqualTo(ended);
            assertThat(rows(database, "call_parties")).isEqualTo(3);
            assertThat(rows(database, "call_history")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queries_filterByUserNumberAndTime_newestFirst_paged(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create(); Database database = Database.open(fresh.settings());
             HistoryWriter writer = new HistoryWriter(database)) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // alice in every call; bob in the odd ones; the external number differs
                List<CallRecord.Party> parties = new ArrayList<>(List.of(party(0, "15001", ALICE, "alice", at(i), at(i).plusSeconds(1)),
                        party(1, "55501" + i, null, null, at(i), at(i).plusSeconds(1))));
                if (i % 2 == 1) {
                    parties.add(party(2, "15002", BOB, "bob", at(i), at(i).plusSeconds(1)));
                }
                writes.add(writer.submit(call("C" + i, at(i), at(i).plusSeconds(1), parties)));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

            assertThat(ids(database, query(ALICE))).containsExactly("C5", "C4", "C3", "C2", "C1", "C0");
            assertThat(ids(database, query(BOB))).containsExactly("C5", "C3", "C1");
            assertThat(ids(database, new HistoryStore.Query(null, null, null, null, 0, 100))).hasSize(6);
            assertThat(ids(database, new HistoryStore.Query("ffffffffffffffffffffffffffffffff", null, null, null, 0, 100))).isEmpty();
            assertThat(ids(database, new HistoryStore.Query(ALICE, null, null, "555013", 0, 100))).containsExactly("C3");
            assertThat(ids(database, new HistoryStore.Query(null, null, null, "15002", 0, 100))).containsExactly("C5", "C3", "C1");
            assertThat(ids(database, new HistoryStore.Query(ALICE, at(2), at(4), null, 0, 100))).containsExactly("C3", "C2");
            assertThat(ids(database, new HistoryStore.Query(ALICE, at(2), null, null, 1, 2))).containsExactly("C4", "C3");
            HistoryStore.Page page = database.inTransaction(db -> HistoryStore.find(db, new HistoryStore.Query(ALICE, null, null, null, 4, 3)));
            assertThat(page.totalCount()).isEqualTo(6);
            assertThat(page.calls()).extracting(c -> c.call().id()).containsExactly("C1", "C0");
            assertThat(page.calls().get(0).call().parties()).extracting(CallRecord.Party::phoneNumber).containsExactly("15001", "555011", "15002");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void interactions_areStored_beforeAndAfterTheirCall_andFindWhoMayUseThem(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create(); Database database = Database.open(fresh.settings());
             HistoryWriter writer = new HistoryWriter(database)) {
            // a note may come while the call goes on, before any of it is written
            writer.submit(new InteractionUpdate.Note("C1", "first", T0)).get(5, TimeUnit.SECONDS);
            writer.submit(call("C1", T0, T0.plusSeconds(9), List.of(party(0, "15001", ALICE, "alice", T0, T0.plusSeconds(9)),
                    party(1, "5550100", null, null, T0, T0.plusSeconds(9))))).get(5, TimeUnit.SECONDS);
            assertThat(only(database, query(ALICE)).interaction()).isEqualTo(new HistoryStore.Interaction("first", null, null, null, Map.of()));

            writer.submit(new InteractionUpdate.Note("C1", "second", T0.plusSeconds(20)));
            writer.submit(new InteractionUpdate.Completion("C1", ALICE, 42L, Map.of("Outcome", "Sale"), T0.plusSeconds(30)))
                    .get(5, TimeUnit.SECONDS);
            assertThat(only(database, query(ALICE)).interaction())
                    .isEqualTo(new HistoryStore.Interaction("second", T0.plusSeconds(30), ALICE, 42L, Map.of("Outcome", "Sale")));

            writer.submit(new InteractionUpdate.Note("C1", "", T0.plusSeconds(40)));
            writer.submit(new InteractionUpdate.Completion("C1", BOB, null, Map.of(), T0.plusSeconds(50))).get(5, TimeUnit.SECONDS);
            assertThat(only(database, query(ALICE)).interaction()).as("an empty note clears it; completing again replaces the completion")
                    .isEqualTo(new HistoryStore.Interaction(null, T0.plusSeconds(50), BOB, null, Map.of()));

            assertThat(callOf(database, "C1", ALICE)).contains("C1");
            assertThat(callOf(database, "UUID-C1", ALICE)).as("by callUuid").contains("C1");
            assertThat(callOf(database, "C1", BOB)).isEmpty();
            assertThat(callOf(database, "C2", ALICE)).isEmpty();
        }
    }

    /**
     * While one commit waits (here, on a row lock the test holds), everything submitted meanwhile goes
     * into the next one: two commits for 52 calls, the three records of one call coalesced.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void callsSubmittedDuringACommit_shareTheNextOne_andACallsRecordsAreCoalesced(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create(); Database database = Database.open(fresh.settings());
             HistoryWriter writer = new HistoryWriter(database)) {
            writer.submit(call("LOCKED", T0, null, List.of(party(0, "15001", ALICE, "alice", T0, null)))).get(5, TimeUnit.SECONDS);
            HistoryWriter.Stats before = writer.stats();
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            try (Connection lock = database.dataSource().getConnection()) {
                lock.setAutoCommit(false);
                try (PreparedStatement update = lock.prepareStatement("UPDATE call_history SET states = states WHERE id = 'LOCKED'")) {
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
                writes.add(writer.submit(call("LOCKED", T0, T0.plusSeconds(1), List.of(party(0, "15001", ALICE, "alice", T0, T0.plusSeconds(1))))));
                await().atMost(Duration.ofSeconds(5)).until(() -> writer.stats().queued() == 0);
                // The writer is blocked on the row lock, inside its transaction: the database says so.
                await().atMost(Duration.ofSeconds(5)).until(() -> waitingOnALock(lock, kind));
                for (int i = 0; i < 50; i++) {
                    writes.add(writer.submit(call("B" + i, at(i + 1), null, List.of(party(0, "15001", ALICE, "alice", at(i + 1), null)))));
                    if (i == 25) {
                        for (int version = 1; version <= 3; version++) {
                            writes.add(writer.submit(call("SAME", T0, version == 3 ? T0.plusSeconds(3) : null,
                                    List.of(party(0, "15001", ALICE, "alice", T0, version == 3 ? T0.plusSeconds(3) : null)))));
                        }
                    }
                }
                assertThat(writes).as("nothing is done while the first commit waits").noneMatch(CompletableFuture::isDone);
                lock.commit();
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            HistoryWriter.Stats after = writer.stats();
            assertThat(after.commits() - before.commits()).as("one commit for the locked call, one for the 51 others").isEqualTo(2);
            assertThat(after.callsWritten() - before.callsWritten()).isEqualTo(1 + 50 + 1);
            assertThat(rows(database, "call_history")).isEqualTo(1 + 50 + 1);
            HistoryStore.Page same = database.inTransaction(db -> HistoryStore.find(db, new HistoryStore.Query(ALICE, T0, T0.plusMillis(1), null, 0, 10)));
            assertThat(same.calls()).extracting(c -> c.call().id()).containsExactlyInAnyOrder("LOCKED", "SAME");
            assertThat(same.calls()).allSatisfy(c -> assertThat(c.call().endedAt()).as("the latest record of each").isNotNull());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRecordTheDatabaseRefuses_costsOnlyItself_andEveryFutureCompletes(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create(); Database database = Database.open(fresh.settings());
             HistoryWriter writer = new HistoryWriter(database)) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                CallRecord record = call("OK" + i, at(i), at(i).plusSeconds(1), List.of(party(0, "15001", ALICE, "alice", at(i), at(i).plusSeconds(1))));
                writes.add(writer.submit(record));
                if (i == 10) {
                    // a call type longer than its column
                    writes.add(writer.submit(new CallRecord("BAD", "0000000000000bad", "BAD", "X".repeat(17), null, T0, null, Map.of(), null,
                            List.of(party(0, "15001", ALICE, "alice", T0, null)), List.of(new CallRecord.State("15001", "Dialing", T0)))));
                }
            }
            CompletableFuture<Void> tooLong = writer.submit(new InteractionUpdate.Note("OK1", "n".repeat(1_000_001), T0));
            CompletableFuture<Void> fine = writer.submit(new InteractionUpdate.Note("OK2", "fine", T0));

            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS); // normally, even BAD's
            assertThatThrownBy(() -> tooLong.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            fine.get(10, TimeUnit.SECONDS);
            assertThat(ids(database, new HistoryStore.Query(null, null, null, null, 0, 100))).hasSize(20).doesNotContain("BAD");
            assertThat(database.inTransaction(db -> HistoryStore.find(db, new HistoryStore.Query(null, null, null, null, 0, 100))).calls())
                    .filteredOn(c -> c.call().id().equals("OK2")).singleElement().extracting(c -> c.interaction().note()).isEqualTo("fine");
            // and it goes on
            writer.submit(call("AFTER", T0, null, List.of(party(0, "15001", ALICE, "alice", T0, null)))).get(5, TimeUnit.SECONDS);
            assertThat(rows(database, "call_history")).isEqualTo(21);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFirstWriteHintThatIsWrong_costsARetry_notTheRecord(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create(); Database database = Database.open(fresh.settings());
             HistoryWriter writer = new HistoryWriter(database)) {
            writer.submit(call("C1", T0, null, List.of(party(0, "15001", ALICE, "alice", T0, null))), true).get(5, TimeUnit.SECONDS);
            CallRecord ended = call("C1", T0, T0.plusSeconds(2), List.of(party(0, "15001", ALICE, "alice", T0, T0.plusSeconds(2)),
                    party(1, "15002", BOB, "bob", T0, T0.plusSeconds(2))));

            writer.submit(ended, true).get(5, TimeUnit.SECONDS); // wrongly: C1 is stored already

            assertThat(only(database, query(BOB)).call()).isEqualTo(ended);
            assertThat(rows(database, "call_parties")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closing_writesEverythingQueued_andRefusesWhatComesAfter(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create()) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            try (Database database = Database.open(fresh.settings())) {
                HistoryWriter writer = new HistoryWriter(database);
                for (int i = 0; i < 500; i++) {
                    writes.add(writer.submit(call("C" + i, at(i), null, List.of(party(0, "15001", ALICE, "alice", at(i), null)))));
                }
                writer.close();
                assertThat(writes).allMatch(CompletableFuture::isDone);
                CompletableFuture<Void> late = writer.submit(new InteractionUpdate.Note("C1", "late", T0));
                assertThat(late).isCompletedExceptionally();
                assertThat(writer.submit(call("LATE", T0, null, List.of()))).as("a release must not wait for it").isCompletedWithValue(null);
            }
            try (Database reopened = Database.open(fresh.settings())) {
                assertThat(rows(reopened, "call_history")).isEqualTo(500);
            }
        }
    }

    // ---- helpers ----

    static CallRecord call(String id, Instant started, Instant ended, List<CallRecord.Party> parties) {
        List<CallRecord.State> states = new ArrayList<>();
        for (CallRecord.Party party : parties) {
            states.add(new CallRecord.State(party.phoneNumber(), "Established", started));
        }
        return new CallRecord(id, String.format("%016x", id.hashCode() & 0xffffffffL), "UUID-" + id, "Internal", null, started, ended,
                Map.of("Key", "value"), null, parties, states);
    }

    static CallRecord.Party party(int seq, String number, String userId, String userName, Instant joined, Instant released) {
        return new CallRecord.Party(seq, number, userId, userName, joined, released);
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private static HistoryStore.Query query(String userId) {
        return new HistoryStore.Query(userId, null, null, null, 0, 100);
    }

    private static HistoryStore.StoredCall only(Database database, HistoryStore.Query query) throws Exception {
        List<HistoryStore.StoredCall> calls = database.inTransaction(db -> HistoryStore.find(db, query)).calls();
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static List<String> ids(Database database, HistoryStore.Query query) throws Exception {
        return database.inTransaction(db -> HistoryStore.find(db, query)).calls().stream().map(c -> c.call().id()).toList();
    }

    private static long rows(Database database, String table) throws Exception {
        Long rows = database.inTransaction(db -> count(db, table));
        return rows;
    }

    private static java.util.Optional<String> callOf(Database database, String idOrUuid, String userId) throws Exception {
        java.util.Optional<String> call = database.inTransaction(db -> HistoryStore.callOfParticipant(db, idOrUuid, userId));
        return call;
    }

    private static long count(Connection db, String table) throws java.sql.SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Whether a session of this database waits for a lock another one holds. */
    private static boolean waitingOnALock(Connection connection, TestDatabase kind) throws SQLException {
        String query = kind == TestDatabase.POSTGRESQL
                ? "SELECT count(*) FROM pg_locks WHERE NOT granted"
                : "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1) > 0;
        }
    }
}
