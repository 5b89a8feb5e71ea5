package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.AgentStateTest.assertRefused;
import static com.dialtone.server.e2e.Provision.json;
import static com.dialtone.server.e2e.Provision.ok;
import static com.dialtone.server.e2e.Provision.tryLogin;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.storage.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provisioning API's main flow on each database Dialtone runs on, embedded H2 and PostgreSQL: what it
 * answered 0 for is there after a restart, exactly as it was read before.
 */
class ProvisioningStorageTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void usersAndDevices_createdChangedAndDeleted_areStoredAsAnswered(TestDatabase kind) throws Exception {
        try (TestDatabase.Fresh database = kind.create()) {
            String id;
            String deviceId;
            JsonNode user;
            JsonNode device;
            try (GwsServer server = GwsServer.startOn(database.settings()); Agent admin = Agent.restOnly(server, "admin")) {
                id = Provision.createAgent(admin, "stored", "'routingPoints':['8000'],'wrapUpTime':7");
                deviceId = Provision.giveDevice(admin, id, "15055");
                ok(admin.put("/users/" + id, json("{'lastName':'Kept','password':'changed1','roles':['ROLE_AGENT','ROLE_SUPERVISOR']}")));
                ok(admin.put("/devices/" + deviceId, json("{'phoneNumber':'15056'}")));
                ok(admin.delete("/users/" + Provision.userId(admin, "agent20")));
                ok(admin.delete("/devices/" + Agent.restOnly(server, "agent19").deviceId));
                ok(admin.delete("/features/api-voice-recording"));
                user = ok(admin.get("/users/" + id + "?subresources=devices")).path("user");
                device = ok(admin.get("/devices/" + deviceId)).path("device");
            }

            try (GwsServer again = GwsServer.startOn(database.settings()); Agent admin = Agent.restOnly(again, "admin")) {
                JsonNode reread = ok(admin.get("/users/" + id + "?subresources=devices")).path("user");
                assertThat(reread.toString()).isEqualTo(user.toString().replace(":" + portOf(user) + "/", ":" + again.server.port() + "/"));
                assertThat(reread.path("lastName").asText()).isEqualTo("Kept");
                assertThat(reread.path("wrapUpTime").asInt()).isEqualTo(7);
                assertThat(reread.path("devices").path(0).path("phoneNumber").asText()).isEqualTo("15056");
                assertThat(ok(admin.get("/devices/" + deviceId)).path("device").path("phoneNumber").asText()).isEqualTo(device.path("phoneNumber").asText());
                assertThat(tryLogin(again, "stored", "changed1").status()).isEqualTo(200);
                assertRefused(tryLogin(again, "agent20", "demo"), 401, 20, "Invalid user name or password");
                assertThat(ok(admin.get("/devices")).path("uris")).hasSize(21); // 21 demo devices, one added, one deleted
                assertThat(Provision.agentsOf(admin, "8000")).as("routing rebuilt from the stored users").contains("15056");
                assertThat(ok(admin.get("/features")).path("uris").toString()).doesNotContain("api-voice-recording");

                Agent stored = Agent.withPassword(again, "stored", "changed1", "changed1");
                stored.connect(Transport.LONG_POLLING, Agent.Login.SESSION_COOKIE, "/v2/me/calls");
                try (stored; Agent agent1 = Agent.login(again, "agent1", Transport.LONG_POLLING)) {
                    String call = agent1.dial("15056").path("id").asText();
                    stored.expectCall(call, "StatusChange", "Ringing");
                }
            }
        }
    }

    private static int portOf(JsonNode user) {
        return java.net.URI.create(user.path("uri").asText()).getPort();
    }
}
