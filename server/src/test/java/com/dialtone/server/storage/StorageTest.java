package com.dialtone.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dialtone.server.auth.PasswordHasher;
import com.dialtone.server.auth.User;
import com.dialtone.server.config.ConfigException;
import com.dialtone.server.config.ConfigLoader;
import com.dialtone.server.config.ContactCenter;
import com.dialtone.server.config.StorageSettings;
import com.dialtone.server.directory.Device;
import com.dialtone.server.provisioning.DeviceStore;
import com.dialtone.server.provisioning.StoredContactCenter;
import com.dialtone.server.provisioning.UserStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema migrates on an empty H2 and an empty PostgreSQL, and the contact centre is seeded once. */
class StorageTest {

    private static final ContactCenter DEMO = ContactCenter.from(ConfigLoader.load(List.of()));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEmptyDatabase_getsTheSchema_andTheDemoContactCentre(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create(); Database database = Database.open(fresh.settings())) {
            assertThat(tables(database)).contains("users", "user_roles", "user_routing_points", "devices", "features", "settings",
                    "call_history", "call_parties", "call_interactions");
            StoredContactCenter stored = StoredContactCenter.open(database, DEMO);

            User agent1 = stored.users().byName("agent1").orElseThrow();
            assertThat(agent1.roles()).containsExactly("ROLE_AGENT");
            assertThat(agent1.routingPoints()).containsExactly("8000");
            assertThat(PasswordHasher.verify("demo".toCharArray(), agent1.passwordHash())).isTrue();
            assertThat(stored.users().byName("agent11").orElseThrow().wrapUpTime()).hasSeconds(10);
            assertThat(stored.devices().byId("631608b3-ceb1-472b-ba05-2ae39555b0d1").orElseThrow())
                    .isEqualTo(new Device("631608b3-ceb1-472b-ba05-2ae39555b0d1", "15001", agent1.id()));
            assertThat(stored.users().all()).hasSize(DEMO.users().all().size());
            assertThat(stored.features()).contains("api-voice", "api-provisioning-read", "api-provisioning-write");
            assertThat(stored.settings().get("general-settings")).containsEntry("countryCode", "US");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseWithUsers_isNeverOverwrittenByTheConfiguration(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create()) {
            try (Database database = Database.open(fresh.settings())) {
                StoredContactCenter first = StoredContactCenter.open(database, DEMO);
                User agent1 = first.users().byName("agent1").orElseThrow();
                database.inTransaction(db -> {
                    UserStore.update(db, agent1.withPasswordHash(PasswordHasher.hash("changed".toCharArray()), false));
                    DeviceStore.delete(db, "631608b3-ceb1-472b-ba05-2ae39555b0d1");
                    return null;
                });
            }
            try (Database database = Database.open(fresh.settings())) { // the second start: migrations again, no seed
                StoredContactCenter second = StoredContactCenter.open(database, DEMO);
                User agent1 = second.users().byName("agent1").orElseThrow();
                assertThat(PasswordHasher.verify("changed".toCharArray(), agent1.passwordHash())).isTrue();
                assertThat(second.devices().byId("631608b3-ceb1-472b-ba05-2ae39555b0d1")).isEmpty();
                assertThat(second.devices().byDn("15002")).isPresent();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDatabaseRefusesDuplicateNamesAndNumbers(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh fresh = kind.create(); Database database = Database.open(fresh.settings())) {
            StoredContactCenter stored = StoredContactCenter.open(database, DEMO);
            User agent1 = stored.users().byName("agent1").orElseThrow();
            User copy = new User("0123456789abcdef0123456789abcdef", "agent1", "A", "B", "", List.of("ROLE_AGENT"), agent1.passwordHash(),
                    true, false, List.of(), null);
            assertThatThrownBy(() -> database.inTransaction(db -> {
                UserStore.insert(db, copy);
                return null;
            })).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> database.inTransaction(db -> {
                DeviceStore.insert(db, new Device("00000000-0000-4000-8000-000000000001", "15001", null));
                return null;
            })).isInstanceOf(SQLException.class);
            assertThat(database.inTransaction(UserStore::loadAll)).hasSize(DEMO.users().all().size());
        }
    }

    @org.junit.jupiter.api.Test
    void aDatabaseThatCannotBeReached_isAClearError() {
        StorageSettings nowhere = new StorageSettings(null, "jdbc:postgresql://127.0.0.1:1/dialtone", "nobody", "nothing");
        assertThatThrownBy(() -> Database.open(nowhere)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot open the database (jdbc:postgresql://127.0.0.1:1/dialtone)")
                .hasMessageNotContaining("nothing");
    }

    private static List<String> tables(Database database) throws SQLException {
        return database.inTransaction(db -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement(
                    "SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = 'public'");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }
}
