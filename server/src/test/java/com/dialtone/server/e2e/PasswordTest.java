package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.AgentStateTest.assertRefused;
import static com.dialtone.server.e2e.Provision.json;
import static com.dialtone.server.e2e.Provision.ok;
import static com.dialtone.server.e2e.Provision.tryLogin;
import static com.dialtone.server.e2e.SeedDialTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
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
        Agent desk = restOnly("agent1");
        Agent elsewhere = restOnly("agent1"); // another browser, logged in with the old password
        assertThat(elsewhere.get("/me").status()).isEqualTo(200);

        ok(desk.post("/me", json("{'operationName':'ChangePassword','oldPassword':'demo','newPassword':'n3w-secret'}")));

        assertRefused(elsewhere.get("/me"), 401, 20, "Authentication required");
        assertRefused(elsewhere.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.api("/me")))
                .header("Authorization", Agent.basic("agent1", "demo")).GET()), 401, 20, "Invalid user name or password");
        assertThat(desk.get("/me").status()).as("the session that changed it goes on").isEqualTo(200);
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
