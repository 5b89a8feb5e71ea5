package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.AgentStateTest.assertRefused;
import static com.dialtone.server.e2e.Provision.json;
import static com.dialtone.server.e2e.Provision.ok;
import static com.dialtone.server.e2e.Provision.tryLogin;
import static com.dialtone.server.e2e.SeedDialTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.cometd.client.BayeuxClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A user changes their own password ({@code ChangePassword} on {@code /me}), and must when told to. */
class PasswordTest extends EndToEndTest {

    @ParameterizedTest
    @EnumSource(Transport.class)
    void changingOnesOwnPassword_isAnnouncedOnMe_andOnlyTheNewPasswordLogsIn(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport, Agent.Login.SESSION_COOKIE, "/v2/me");

        Response changed = agent1.post("/me", json("{'operationName':'ChangePassword','oldPassword':'demo','newPassword':'n3w-secret'}"));

        assertThat(ok(changed)).isEqualTo(Json.MAPPER.createObjectNode().put("statusCode", 0));
        JsonNode message = agent1.next();
        assertThat(message.path("$channel").asText()).isEqualTo("/v2/me");
        assertThat(fieldNames(message)).containsExactly("messageType", "channel", "$channel");
        assertThat(message.path("messageType").asText()).isEqualTo("PasswordChangeSuccessful");
        assertRefused(tryLogin(server, "agent1", "demo"), 401, 20, "Invalid user name or password");
        assertThat(tryLogin(server, "agent1", "n3w-secret").status()).isEqualTo(200);
        assertThat(agent1.get("/me").status()).as("the session that changed it goes on").isEqualTo(200);
    }

    @Test
    void aPasswordChange_endsTheUsersOtherSessions_evenOneThatSendsTheOldPassword() throws Exception {
        Agent desk = login("agent1", Transport.LONG_POLLING, Agent.Login.SESSION_COOKIE, "/v2/me", "/v2/me/calls");
        Agent elsewhere = login("agent1", Transport.WEBSOCKET, Agent.Login.SESSION_COOKIE, "/v2/me"); // another browser, old password

        ok(desk.post("/me", json("{'operationName':'ChangePassword','oldPassword':'demo','newPassword':'n3w-secret'}")));

        assertThat(desk.next().path("messageType").asText()).isEqualTo("PasswordChangeSuccessful");
        assertRefused(elsewhere.get("/me"), 401, 20, "Authentication required");
        assertRefused(elsewhere.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.api("/me")))
                .header("Authorization", Agent.basic("agent1", "demo")).GET()), 401, 20, "Invalid user name or password");
        assertThat(elsewhere.cometd().waitFor(Agent.WAIT.toMillis(), BayeuxClient.State.DISCONNECTED)).as("its CometD is cut off").isTrue();
        assertThat(desk.get("/me").status()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(desk.dial("5550100").path("state").asText()).as("and so does its CometD").isEqualTo("Dialing");
        assertThat(desk.cometd().isDisconnected()).isFalse();
    }

    @Test
    void anAdministratorSettingAPassword_endsEverySessionOfTheUser_butNotTheirAgentLogin() throws Exception {
        Agent agent2 = desktop("agent2", Transport.LONG_POLLING);
        agent2.startSession();
        agent2.expectDevice("NotReady", null);
        Agent admin = restOnly("admin");
        String id = Provision.userId(admin, "agent2");

        ok(admin.put("/users/" + id, json("{'password':'r3set-by-admin'}")));

        assertRefused(agent2.get("/me"), 401, 20, "Authentication required");
        assertThat(agent2.cometd().waitFor(Agent.WAIT.toMillis(), BayeuxClient.State.DISCONNECTED)).isTrue();
        Agent again = keep(Agent.withPassword(server, "agent2", "r3set-by-admin", "r3set-by-admin"));
        assertThat(again.get("/me/devices?fields=*").body().path("devices").path(0).path("userState").path("state").asText())
                .as("the agent is still logged in on the switch").isEqualTo("NotReady");
    }

    @Test
    void aWrongOldPassword_isRefused_announcedAsAnError_andChangesNothing() throws Exception {
        Agent agent1 = login("agent1", Transport.LONG_POLLING, Agent.Login.SESSION_COOKIE, "/v2/me");

        assertRefused(agent1.post("/me", json("{'operationName':'ChangePassword','oldPassword':'guess','newPassword':'n3w-secret'}")),
                400, 2, "old password is wrong");

        JsonNode message = agent1.next();
        assertThat(message.path("messageType").asText()).isEqualTo("PasswordChangeError");
        assertThat(message.path("errorCode").asInt()).isEqualTo(2);
        assertThat(message.path("errorMessage").asText()).contains("old password is wrong");
        assertThat(tryLogin(server, "agent1", "demo").status()).isEqualTo(200);
        assertThat(tryLogin(server, "agent1", "n3w-secret").status()).isEqualTo(401);

        assertRefused(agent1.post("/me", json("{'operationName':'ChangePassword','oldPassword':'demo','newPassword':''}")),
                400, 10, "'newPassword': must not be empty");
        assertThat(agent1.next().path("errorCode").asInt()).as("GWS's code for a password it will not take").isEqualTo(1);
        assertRefused(agent1.post("/me", json("{'operationName':'ChangePassword','oldPassword':'demo'}")), 400, 1, "'newPassword'");
        assertThat(tryLogin(server, "agent1", "demo").status()).isEqualTo(200);
    }

    @Test
    void aUserWhoMustChangeTheirPassword_canOnlyReadMeAndChangeIt_untilTheyHave() throws Exception {
        Agent admin = restOnly("admin");
        String id = Provision.createAgent(admin, "fresh", "'changePasswordOnFirstLogin':true");
        Provision.giveDevice(admin, id, "15070");
        Agent fresh = keep(Agent.withPassword(server, "fresh", "secret1", "secret1"));

        JsonNode me = ok(fresh.get("/me")).path("user");
        assertThat(me.path("changePasswordOnFirstLogin").asBoolean()).isTrue();
        assertRefused(fresh.get("/me/devices"), 403, 8, "Password change required");
        assertRefused(fresh.get("/features"), 403, 8, "Password change required");
        assertRefused(fresh.post("/me", json("{'operationName':'StartContactCenterSession'}")), 403, 8, "Password change required");
        assertRefused(fresh.post("/me/devices/" + fresh.deviceId + "/calls",
                json("{'operationName':'Dial','destination':{'phoneNumber':'15001'}}")), 403, 8, "Password change required");

        ok(fresh.post("/me", json("{'operationName':'ChangePassword','oldPassword':'secret1','newPassword':'mine-now'}")));

        assertThat(ok(fresh.get("/me")).path("user").path("changePasswordOnFirstLogin").asBoolean(true)).isFalse();
        assertThat(ok(fresh.get("/me/devices")).path("uris")).hasSize(1);
        ok(fresh.post("/me", json("{'operationName':'StartContactCenterSession'}")));
        assertThat(ok(admin.get("/users/" + id)).path("user").path("changePasswordOnFirstLogin").asBoolean(true)).isFalse();
    }
}
