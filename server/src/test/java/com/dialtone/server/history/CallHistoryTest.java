package com.dialtone.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.auth.User;
import com.dialtone.server.config.ConfigLoader;
import com.dialtone.server.config.ContactCenter;
import com.dialtone.server.directory.Device;
import com.dialtone.server.storage.Database;
import com.dialtone.server.storage.TestDatabase;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.SwitchListener;
import com.dialtone.switching.UserData;
import com.dialtone.switching.embedded.EmbeddedSwitch;
import com.dialtone.switching.embedded.ThreadSwitchLoop;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CallHistory} on the real embedded switch and a real database: the write a release waits for is
 * committed when it completes, and each party is recorded with the user its DN belonged to at the time.
 */
class CallHistoryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theWriteAReleaseWaitsFor_isCommittedWhenItCompletes_andRecordsTheOwnerAtTheTime(TestDatabase kind) throws Exception {
        ContactCenter demo = ContactCenter.from(ConfigLoader.load(List.of())); // its own: the test reassigns a device
        try (TestDatabase.Fresh fresh = kind.create(); Database database = Database.open(fresh.settings());
             HistoryWriter writer = new HistoryWriter(database); ThreadSwitchLoop loop = new ThreadSwitchLoop()) {
            EmbeddedSwitch telephony = new EmbeddedSwitch(demo.devices().all().stream().map(Device::phoneNumber).collect(Collectors.toSet()),
                    demo.dialPlan(), loop);
            CallHistory history = new CallHistory(demo.devices(), demo.users(), writer, Clock.systemUTC());
            telephony.addListener(history);
            // As the notifier does: at each device's release, take what to wait for, and look in the
            // database the moment it completes.
            Map<String, Boolean> foundWhenCompleted = new ConcurrentHashMap<>();
            List<CompletableFuture<Void>> looked = new CopyOnWriteArrayList<>();
            telephony.addListener((SwitchListener) event -> {
                if (event instanceof CallEvent.PartyStateChanged && event.party().state() == PartyState.RELEASED) {
                    String key = event.call().id() + "@" + event.dn();
                    looked.add(history.recorded(event.call().id()).thenRun(() -> foundWhenCompleted.put(key, isStored(database, event.call().id()))));
                }
            });
            User agent1 = demo.users().byName("agent1").orElseThrow();
            User agent3 = demo.users().byName("agent3").orElseThrow();

            CallSnapshot first = telephony.dial("15001", "15002", UserData.empty(), null).get(5, TimeUnit.SECONDS);
            telephony.answer(first.id(), "15002").get(5, TimeUnit.SECONDS);
            telephony.release(first.id(), "15001").get(5, TimeUnit.SECONDS);
            // 15001 goes to agent3, as provisioning may do while the server runs
            Device device = demo.devices().byDn("15001").orElseThrow();
            demo.devices().put(new Device(device.id(), "15001", agent3.id()));
            CallSnapshot second = telephony.dial("15001", "15003", UserData.empty(), null).get(5, TimeUnit.SECONDS);
            telephony.release(second.id(), "15001").get(5, TimeUnit.SECONDS);
            telephony.login("15004").get(5, TimeUnit.SECONDS); // the loop has dispatched everything before it
            CompletableFuture.allOf(looked.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

            assertThat(foundWhenCompleted).containsOnlyKeys(first.id() + "@15001", first.id() + "@15002", second.id() + "@15001",
                    second.id() + "@15003");
            assertThat(foundWhenCompleted).allSatisfy((key, found) -> assertThat(found).as(key).isTrue());
            List<HistoryStore.StoredCall> ofAgent1 = database.inTransaction(db -> HistoryStore.find(db,
                    new HistoryStore.Query(agent1.id(), null, null, null, 0, 100))).calls();
            assertThat(ofAgent1).extracting(c -> c.call().id()).containsExactly(first.id());
            assertThat(ofAgent1.get(0).call().parties()).extracting(CallRecord.Party::userName).containsExactly("agent1", "agent2");
            List<HistoryStore.StoredCall> ofAgent3 = database.inTransaction(db -> HistoryStore.find(db,
                    new HistoryStore.Query(agent3.id(), null, null, null, 0, 100))).calls();
            assertThat(ofAgent3).extracting(c -> c.call().id()).containsExactly(second.id());
            assertThat(ofAgent3.get(0).call().parties()).extracting(CallRecord.Party::userName).containsExactly("agent3", "agent3");
            assertThat(history.isParticipant(first.id(), agent1.id())).as("an ended, committed call is the database's").isEmpty();
        }
    }

    private static boolean isStored(Database database, String callId) {
        try {
            return database.inTransaction(db -> HistoryStore.find(db, new HistoryStore.Query(null, null, null, null, 0, 100))).calls()
                    .stream().anyMatch(c -> c.call().id().equals(callId));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
