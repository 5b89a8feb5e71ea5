package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.AgentStateTest.assertRefused;
import static com.dialtone.server.e2e.Provision.agentsOf;
import static com.dialtone.server.e2e.Provision.createAgent;
import static com.dialtone.server.e2e.Provision.giveDevice;
import static com.dialtone.server.e2e.Provision.json;
import static com.dialtone.server.e2e.Provision.ok;
import static com.dialtone.server.e2e.Provision.tryLogin;
import static com.dialtone.server.e2e.Provision.userId;
import static com.dialtone.server.e2e.SeedDialTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.cometd.client.BayeuxClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /api/v2/users}: created, changed and deleted by an administrator, with effect at once. */
class UserProvisioningTest extends EndToEndTest {

    @Test
    void aCreatedUser_hasTheGwsShape_logsInAtOnce_andDialsFromTheDeviceGivenToThem() throws Exception {
        Agent admin = restOnly("admin");

        JsonNode created = ok(admin.post("/users", json("{'userName':'nina','password':'secret1','firstName':'Nina','lastName':'Newbie',"
                + "'roles':['ROLE_AGENT'],'emailAddress':'nina@example.com','routingPoints':['8001'],'wrapUpTime':5}")));

        assertThat(fieldNames(created)).containsExactly("statusCode", "id", "uri", "path");
        String id = created.path("id").asText();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(created.path("uri").asText()).isEqualTo(server.base() + "/api/v2/users/" + id);
        assertThat(created.path("path").asText()).isEqualTo("/users/" + id);
        Response read = admin.get("/users/" + id);
        JsonNode user = ok(read).path("user");
        assertThat(fieldNames(read.body())).containsExactly("statusCode", "user");
        assertThat(fieldNames(user)).containsExactly("id", "userName", "password", "firstName", "lastName", "emailAddress", "roles",
                "enabled", "changePasswordOnFirstLogin", "contactCenterId", "routingPoints", "wrapUpTime", "uri", "path");
        assertThat(user.path("id").asText()).isEqualTo(id);
        assertThat(user.path("userName").asText()).isEqualTo("nina");
        assertThat(user.path("password").isTextual()).isTrue();
        assertThat(user.path("password").asText()).as("never the password or its hash").isEmpty();
        assertThat(read.body().toString()).doesNotContain("secret1").doesNotContain("pbkdf2");
        assertThat(user.path("firstName").asText()).isEqualTo("Nina");
        assertThat(user.path("lastName").asText()).isEqualTo("Newbie");
        assertThat(user.path("emailAddress").asText()).isEqualTo("nina@example.com");
        assertThat(user.path("roles")).extracting(JsonNode::asText).containsExactly("ROLE_AGENT");
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("changePasswordOnFirstLogin").asBoolean(true)).isFalse();
        assertThat(user.path("routingPoints")).extracting(JsonNode::asText).containsExactly("8001");
        assertThat(user.path("wrapUpTime").asInt()).isEqualTo(5);
        assertThat(user.path("uri").asText()).isEqualTo(created.path("uri").asText());

        assertThat(ok(admin.get("/users")).path("uris")).extracting(JsonNode::asText).contains(created.path("uri").asText());
        assertThat(ok(admin.get("/users?fields=*")).path("users")).contains(user);
        JsonNode someFields = ok(admin.get("/users?fields=userName,roles")).path("users");
        assertThat(someFields).hasSize(23); // the 22 demo users and nina
        someFields.forEach(u -> assertThat(fieldNames(u)).containsExactly("userName", "roles"));

        String deviceId = giveDevice(admin, id, "15050");
        JsonNode devices = ok(admin.get("/users/" + id + "?subresources=devices")).path("user").path("devices");
        assertThat(devices).hasSize(1);
        assertThat(devices.path(0).path("id").asText()).isEqualTo(deviceId);
        assertThat(devices.path(0).path("phoneNumber").asText()).isEqualTo("15050");
        assertThat(agentsOf(admin, "8001")).as("the device takes its owner's routing points").contains("15050");

        Agent agent1 = login("agent1", Transport.LONG_POLLING);
        Agent nina = keep(Agent.withPassword(server, "nina", "secret1", "secret1"));
        nina.connect(Transport.LONG_POLLING, Agent.Login.SESSION_COOKIE, "/v2/me/calls");
        assertThat(nina.deviceId).isEqualTo(deviceId);
        assertThat(nina.get("/me").body().path("user")).isEqualTo(withoutSubresources(user));
        String call = nina.dial("15001").path("id").asText();
        agent1.expectCall(call, "StatusChange", "Ringing");
        String back = agent1.dial("15050").path("id").asText();
        nina.expectCall(back, "StatusChange", "Ringing");
    }

    @Test
    void put_changesOnlyTheFieldsGiven_andDelete_removesTheUserForGood() throws Exception {
        Agent admin = restOnly("admin");
        String id = createAgent(admin, "carl", "'emailAddress':'carl@example.com'");
        JsonNode before = ok(admin.get("/users/" + id)).path("user");

        Response changed = admin.put("/users/" + id, json("{'firstName':'Carlos','emailAddress':'carlos@example.com'}"));

        assertThat(ok(changed)).isEqualTo(Json.MAPPER.createObjectNode().put("statusCode", 0));
        ObjectNode expected = before.deepCopy();
        expected.put("firstName", "Carlos").put("emailAddress", "carlos@example.com");
        assertThat(ok(admin.get("/users/" + id)).path("user")).isEqualTo(expected);

        ok(admin.put("/users/" + id, json("{'password':'other22'}")));
        assertThat(tryLogin(server, "carl", "secret1").status()).as("the old password").isEqualTo(401);
        assertThat(tryLogin(server, "carl", "other22").status()).as("the password the administrator set").isEqualTo(200);

        // What a client read may go back with a change: read-only fields sent unchanged are ignored.
        ok(admin.put("/users/" + id, json("{'id':'" + id + "','uri':'" + before.path("uri").asText() + "','path':'/users/" + id
                + "','lastName':'Again'}")));
        assertThat(ok(admin.get("/users/" + id)).path("user").path("lastName").asText()).isEqualTo("Again");

        assertThat(ok(admin.delete("/users/" + id))).isEqualTo(Json.MAPPER.createObjectNode().put("statusCode", 0));

        assertRefused(admin.get("/users/" + id), 404, 6, "not found");
        assertThat(ok(admin.get("/users")).path("uris")).extracting(JsonNode::asText).doesNotContain(before.path("uri").asText());
        assertRefused(tryLogin(server, "carl", "other22"), 401, 20, "Invalid user name or password");
        assertRefused(admin.delete("/users/" + id), 404, 6, "not found");
    }

    @Test
    void badUserRequests_getAClearError_andChangeNothing() throws Exception {
        Agent admin = restOnly("admin");
        String agent1 = userId(admin, "agent1");
        String self = userId(admin, "admin");
        String valid = "'userName':'zed','password':'secret1','firstName':'Zed','lastName':'Z','roles':['ROLE_AGENT']";
        JsonNode before = ok(admin.get("/users?fields=*")).path("users");

        assertRefused(admin.post("/users", "{\"userName\":"), 400, 10, "Malformed JSON");
        assertRefused(admin.post("/users", json("{'userName':'zed','firstName':'Zed','lastName':'Z','roles':['ROLE_AGENT']}")),
                400, 1, "'password'");
        assertRefused(admin.post("/users", json("{'userName':'zed','password':'secret1','firstName':'Zed','lastName':'Z'}")),
                400, 1, "'roles'");
        assertRefused(admin.post("/users", json("{'password':'secret1','firstName':'Zed','lastName':'Z','roles':['ROLE_AGENT']}")),
                400, 1, "'userName'");
        assertRefused(admin.post("/users", json("{" + valid.replace("'secret1'", "''") + "}")), 400, 10, "'password': must not be empty");
        assertRefused(admin.post("/users", json("{" + valid.replace("['ROLE_AGENT']", "['ROLE_KING']") + "}")), 400, 10,
                "unknown role 'ROLE_KING'");
        assertRefused(admin.post("/users", json("{" + valid.replace("['ROLE_AGENT']", "[]") + "}")), 400, 10, "at least one role");
        assertRefused(admin.post("/users", json("{" + valid.replace("['ROLE_AGENT']", "'ROLE_AGENT'") + "}")), 400, 10,
                "'roles': must be an array");
        assertRefused(admin.post("/users", json("{" + valid + ",'enabled':'yes'}")), 400, 10, "'enabled': must be true or false");
        assertRefused(admin.post("/users", json("{" + valid + ",'routingPoints':['9999']}")), 400, 10, "there is no routing point 9999");
        assertRefused(admin.post("/users", json("{" + valid + ",'wrapUpTime':-1}")), 400, 10, "'wrapUpTime'");
        assertRefused(admin.post("/users", json("{" + valid + ",'emailAddress':'not an address'}")), 400, 10, "'emailAddress'");
        assertRefused(admin.post("/users", json("{" + valid.replace("'zed'", "'ze:d'") + "}")), 400, 10, "must not contain ':'");
        assertRefused(admin.post("/users", json("{" + valid + ",'nickname':'z'}")), 400, 10, "'nickname': unknown field");
        assertRefused(admin.post("/users", json("{" + valid + ",'id':'0123456789abcdef0123456789abcdef'}")), 400, 11, "'id' is read-only");
        assertRefused(admin.post("/users", json("{" + valid.replace("'zed'", "'agent1'") + "}")), 403, 18,
                "Failed to create user. User 'agent1' already exists.");

        assertRefused(admin.put("/users/" + agent1, json("{'id':'0123456789abcdef0123456789abcdef'}")), 400, 11, "'id' is read-only");
        assertRefused(admin.put("/users/" + agent1, json("{'userName':'agent2'}")), 403, 18, "User 'agent2' already exists");
        assertRefused(admin.put("/users/" + agent1, json("{'password':''}")), 400, 10, "'password': must not be empty");
        assertRefused(admin.put("/users/" + agent1, json("{'firstName':'Changed','routingPoints':['9999']}")), 400, 10, "9999");
        assertRefused(admin.put("/users/" + agent1, "{}"), 400, 1, "Nothing to change");
        assertRefused(admin.put("/users/0123456789abcdef0123456789abcdef", json("{'firstName':'X'}")), 404, 6, "not found");
        assertRefused(admin.put("/users/" + self, json("{'enabled':false}")), 403, 3, "cannot disable yourself");
        assertRefused(admin.put("/users/" + self, json("{'roles':['ROLE_AGENT']}")), 403, 3, "ROLE_ADMIN");
        assertRefused(admin.delete("/users/" + self), 403, 3, "cannot delete yourself");
        assertRefused(admin.delete("/users/0123456789abcdef0123456789abcdef"), 404, 6, "not found");
        assertRefused(admin.get("/users/0123456789abcdef0123456789abcdef"), 404, 6, "not found");
        assertRefused(admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.api("/users/" + agent1)))
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody())), 405, 3, "use DELETE or GET or PUT");

        assertThat(ok(admin.get("/users?fields=*")).path("users")).as("nothing changed").isEqualTo(before);
        assertThat(tryLogin(server, "agent1", "demo").status()).isEqualTo(200);
        assertThat(tryLogin(server, "zed", "secret1").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void deletingALoggedInUser_endsTheirSessions_logsTheirDeviceOut_andLeavesItUnassigned(Transport transport) throws Exception {
        Agent agent3 = desktop("agent3", transport);
        agent3.startSessionAndBeReady();
        Agent admin = restOnly("admin");

        ok(admin.delete("/users/" + userId(admin, "agent3")));

        assertRefused(agent3.get("/me"), 401, 20, "Authentication required");
        assertThat(agent3.cometd().waitFor(Agent.WAIT.toMillis(), BayeuxClient.State.DISCONNECTED)).as("CometD cut off").isTrue();
        assertRefused(tryLogin(server, "agent3", "demo"), 401, 20, "Invalid user name or password");
        JsonNode device = ok(admin.get("/devices/" + agent3.deviceId)).path("device");
        assertThat(device.path("phoneNumber").asText()).isEqualTo("15003");
        assertThat(device.path("userState").path("state").asText()).isEqualTo("LoggedOut");
        assertThat(agentsOf(admin, "8000")).as("an unassigned device takes no routed calls").doesNotContain("15003").contains("15001");
    }

    @Test
    void aUserOnACall_cannotBeDeleted_andGoesOnAsBefore() throws Exception {
        Agent agent1 = login("agent1", Transport.LONG_POLLING);
        String call = agent1.callWithCustomer();
        Agent admin = restOnly("admin");
        String id = userId(admin, "agent1");
        JsonNode before = ok(admin.get("/users/" + id + "?subresources=devices")).path("user");

        assertRefused(admin.delete("/users/" + id), 403, 19, "15001 is in a call");

        assertThat(ok(admin.get("/users/" + id + "?subresources=devices")).path("user")).isEqualTo(before);
        assertThat(agent1.get("/me").status()).isEqualTo(200);
        agent1.expectNothingBefore(call);
    }

    @Test
    void aDisabledUser_cannotLogIn_andTheirSessionStops_untilEnabledAgain() throws Exception {
        Agent agent4 = desktop("agent4", Transport.LONG_POLLING);
        agent4.startSession();
        agent4.expectDevice("NotReady", null);
        Agent admin = restOnly("admin");
        String id = userId(admin, "agent4");

        ok(admin.put("/users/" + id, json("{'enabled':false}")));

        assertRefused(agent4.get("/me"), 401, 20, "Authentication required");
        assertThat(agent4.cometd().waitFor(Agent.WAIT.toMillis(), BayeuxClient.State.DISCONNECTED)).isTrue();
        assertRefused(tryLogin(server, "agent4", "demo"), 401, 20, "User 'agent4' is disabled");
        assertRefused(tryLogin(server, "agent4", "wrong"), 401, 20, "Invalid user name or password");
        assertThat(ok(admin.get("/devices/" + agent4.deviceId)).path("device").path("userState").path("state").asText())
                .as("their agent is logged out").isEqualTo("LoggedOut");
        assertThat(ok(admin.get("/users/" + id)).path("user").path("enabled").asBoolean(true)).isFalse();

        ok(admin.put("/users/" + id, json("{'enabled':true}")));
        assertThat(tryLogin(server, "agent4", "demo").status()).isEqualTo(200);
    }

    @Test
    void changingAUsersRoutingPointsAndWrapUpTime_routesTheirNextCallAtOnce() throws Exception {
        Agent agent1 = desktop("agent1", Transport.LONG_POLLING);
        agent1.startSessionAndBeReady();
        Agent admin = restOnly("admin");
        String id = userId(admin, "agent1");
        assertThat(agentsOf(admin, "8001")).doesNotContain("15001");

        ok(admin.put("/users/" + id, json("{'routingPoints':['8001'],'wrapUpTime':1}")));

        assertThat(agentsOf(admin, "8001")).contains("15001");
        assertThat(agentsOf(admin, "8000")).doesNotContain("15001");
        String call = Agent.customerCalls(server, "8001", "");
        agent1.expectCall(call, "StatusChange", "Ringing"); // nobody else of 8001 is logged in
        agent1.perform(call, "Answer", "");
        agent1.expectCall(call, "StatusChange", "Established");
        agent1.perform(call, "Hangup", "");
        agent1.expectCall(call, "StatusChange", "Released");
        agent1.expectDevice("NotReady", "AfterCallWork"); // agent1 had no wrap-up time before
        agent1.expectDevice("Ready", null);

        JsonNode user = ok(admin.get("/users/" + id)).path("user");
        assertThat(user.path("routingPoints")).extracting(JsonNode::asText).containsExactly("8001");
        assertThat(user.path("wrapUpTime").asInt()).isEqualTo(1);
        String toSales = Agent.customerCalls(server, "8000", "");
        assertThat(ok(admin.simGet("/routing-points")).path("routingPoints").path(0).path("waitingCalls"))
                .extracting(JsonNode::asText).as("agent1 no longer takes Sales calls").containsExactly(toSales);
        assertThat(agent1.pending()).isZero();
    }

    private static JsonNode withoutSubresources(JsonNode user) {
        ObjectNode copy = user.deepCopy();
        copy.remove(List.of("devices", "calls", "channels"));
        return copy;
    }
}
