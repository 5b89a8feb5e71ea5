package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.AgentStateTest.assertRefused;
import static com.dialtone.server.e2e.Provision.agentsOf;
import static com.dialtone.server.e2e.Provision.createAgent;
import static com.dialtone.server.e2e.Provision.json;
import static com.dialtone.server.e2e.Provision.ok;
import static com.dialtone.server.e2e.Provision.userId;
import static com.dialtone.server.e2e.SeedDialTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code /api/v2/devices}, {@code /api/v2/users/{id}/devices} and {@code POST /api/v2/me/devices}, with effect at once. */
class DeviceProvisioningTest extends EndToEndTest {

    private static final String DEVICE_FIELDS = "id,deviceState,userState,phoneNumber,description,e164Number,telephonyNetwork,doNotDisturb,voiceEnvironmentUri,capabilities,channels,dynamicPhoneNumber,uri,path";

    @Test
    void aDevice_isCreatedRenumberedAndDeleted_withTheGwsShapes_andItsNumberRingsItsOwnerAtOnce() throws Exception {
        Agent admin = restOnly("admin");

        JsonNode created = ok(admin.post("/devices", json("{'phoneNumber':'15060'}")));

        assertThat(fieldNames(created)).containsExactly("statusCode", "id", "uri", "path");
        String id = created.path("id").asText();
        assertThat(java.util.UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(created.path("uri").asText()).isEqualTo(server.base() + "/api/v2/devices/" + id);
        assertThat(created.path("path").asText()).isEqualTo("/devices/" + id);
        JsonNode device = ok(admin.get("/devices/" + id)).path("device");
        assertThat(String.join(",", fieldNames(device))).isEqualTo(DEVICE_FIELDS);
        assertThat(device.path("phoneNumber").asText()).isEqualTo("15060");
        assertThat(device.path("userState").path("state").asText()).isEqualTo("LoggedOut");
        assertThat(device.path("uri").asText()).isEqualTo(created.path("uri").asText());
        assertThat(ok(admin.get("/devices")).path("uris")).hasSize(22).extracting(JsonNode::asText).contains(device.path("uri").asText());
        assertThat(ok(admin.get("/devices?fields=*")).path("devices")).contains(device);
        ok(admin.get("/devices?fields=id,phoneNumber")).path("devices").forEach(d -> assertThat(fieldNames(d)).containsExactly("id", "phoneNumber"));
        assertThat(agentsOf(admin, "8000")).as("unassigned: no routing").doesNotContain("15060");

        String owner = createAgent(admin, "olga", "");
        assertThat(ok(admin.post("/users/" + owner + "/devices", json("{'phoneNumber':'15060'}"))).path("id").asText())
                .as("assigning the existing number gives the same device").isEqualTo(id);
        assertThat(ok(admin.get("/users/" + owner + "/devices")).path("uris")).extracting(JsonNode::asText).containsExactly(device.path("uri").asText());
        Agent olga = keep(Agent.withPassword(server, "olga", "secret1", "secret1"));
        olga.connect(Transport.LONG_POLLING, Agent.Login.SESSION_COOKIE, "/v2/me/calls");
        Agent agent1 = login("agent1", Transport.LONG_POLLING);
        String first = agent1.dial("15060").path("id").asText();
        olga.expectCall(first, "StatusChange", "Ringing");
        agent1.perform(first, "Hangup", "");
        agent1.expectCall(first, "StatusChange", "Released");
        olga.expectCall(first, "StatusChange", "Released");

        assertThat(ok(admin.put("/devices/" + id, json("{'phoneNumber':'15061'}")))).isEqualTo(Json.MAPPER.createObjectNode().put("statusCode", 0));

        assertThat(ok(admin.get("/devices/" + id)).path("device").path("phoneNumber").asText()).isEqualTo("15061");
        assertThat(olga.get("/me/devices?fields=phoneNumber").body().path("devices").path(0).path("phoneNumber").asText()).isEqualTo("15061");
        String second = agent1.dial("15061").path("id").asText();
        JsonNode ringing = olga.next();
        assertThat(ringing.path("call").path("id").asText()).isEqualTo(second);
        assertThat(ringing.path("call").path("state").asText()).isEqualTo("Ringing");
        assertThat(ringing.path("phoneNumber").asText()).isEqualTo("15061");
        agent1.perform(second, "Hangup", "");
        agent1.expectCall(second, "StatusChange", "Released");
        olga.next();

        assertThat(ok(admin.delete("/devices/" + id))).isEqualTo(Json.MAPPER.createObjectNode().put("statusCode", 0));

        assertRefused(admin.get("/devices/" + id), 404, 6, "not found");
        assertThat(olga.get("/me/devices").body().path("uris")).isEmpty();
        assertThat(ok(admin.get("/devices")).path("uris")).hasSize(21);
        JsonNode gone = agent1.dial("15061");
        assertThat(gone.path("participants").path(0).path("phoneNumber").asText()).isEqualTo("15061");
        assertThat(olga.pending()).as("a number that is no device rings nobody here").isZero();
    }

    @Test
    void aReassignedDevice_belongsToTheNewOwnerAtOnce_withTheirRoutingPoints() throws Exception {
        Agent agent2 = desktop("agent2", Transport.LONG_POLLING);
        Agent agent13 = desktop("agent13", Transport.LONG_POLLING);
        Agent agent1 = login("agent1", Transport.LONG_POLLING);
        Agent admin = restOnly("admin");
        String device = agent2.deviceId;
        assertThat(agentsOf(admin, "8000")).contains("15002");

        JsonNode moved = ok(admin.post("/users/" + userId(admin, "agent13") + "/devices", json("{'phoneNumber':'15002'}")));

        assertThat(moved.path("id").asText()).isEqualTo(device);
        assertThat(agent2.get("/me/devices").body().path("uris")).as("removed from its previous owner").isEmpty();
        assertRefused(agent2.get("/me/devices/" + device), 404, 6, "not found");
        assertThat(agent13.get("/me/devices").body().path("uris")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(server.base() + "/api/v2/devices/" + device, server.base() + "/api/v2/devices/" + agent13.deviceId);
        assertThat(agentsOf(admin, "8000")).doesNotContain("15002");
        assertThat(agentsOf(admin, "8001")).as("agent13's routing point").contains("15002", "15013");

        String call = agent1.dial("15002").path("id").asText();
        JsonNode ringing = agent13.next();
        assertThat(ringing.path("messageType").asText()).isEqualTo("CallStateChangeMessage");
        assertThat(ringing.path("call").path("id").asText()).isEqualTo(call);
        assertThat(ringing.path("call").path("state").asText()).isEqualTo("Ringing");
        assertThat(ringing.path("phoneNumber").asText()).isEqualTo("15002");
        agent13.perform(call, "Answer", "");
        agent1.expectCall(call, "StatusChange", "Established");
        assertThat(agent2.pending()).as("the previous owner hears nothing of it").isZero();
    }

    @Test
    void anAgent_createsADeviceForThemselves_orTakesAnExistingOne_butNotOneInACall() throws Exception {
        Agent agent6 = restOnly("agent6");
        Agent agent7 = restOnly("agent7");
        Agent agent8 = login("agent8", Transport.LONG_POLLING);

        JsonNode created = ok(agent6.post("/me/devices", json("{'phoneNumber':'15080'}")));

        assertThat(fieldNames(created)).containsExactly("statusCode", "id", "uri", "path");
        assertThat(created.path("uri").asText()).isEqualTo(server.base() + "/api/v2/devices/" + created.path("id").asText());
        JsonNode mine = agent6.get("/me/devices?fields=*").body().path("devices");
        assertThat(mine).extracting(d -> d.path("phoneNumber").asText()).containsExactlyInAnyOrder("15006", "15080");
        assertThat(ok(agent6.get("/devices/" + created.path("id").asText())).path("device").path("phoneNumber").asText())
                .as("the deviceUri works for its owner").isEqualTo("15080");

        JsonNode taken = ok(agent6.post("/me/devices", json("{'phoneNumber':'15007'}")));
        assertThat(taken.path("id").asText()).isEqualTo(agent7.deviceId);
        assertThat(agent7.get("/me/devices").body().path("uris")).isEmpty();
        assertThat(agent6.get("/me/devices").body().path("uris")).hasSize(3);

        String call = agent8.callWithCustomer();
        JsonNode before = ok(restOnly("admin").get("/devices?fields=*"));
        assertRefused(agent6.post("/me/devices", json("{'phoneNumber':'15008'}")), 403, 19, "15008 is in a call");
        assertThat(ok(restOnly("admin").get("/devices?fields=*"))).isEqualTo(before);
        assertThat(agent8.get("/me/devices").body().path("uris")).hasSize(1);
        agent8.expectNothingBefore(call);

        assertRefused(restOnly("admin").post("/me/devices", json("{'phoneNumber':'15081'}")), 403, 5, "ROLE_AGENT");
        assertRefused(restOnly("supervisor1").post("/me/devices", json("{'phoneNumber':'15081'}")), 403, 5, "ROLE_AGENT");
    }

    @Test
    void badDeviceRequests_getAClearError_andChangeNothing() throws Exception {
        Agent admin = restOnly("admin");
        Agent agent1 = login("agent1", Transport.LONG_POLLING);
        String call = agent1.callWithCustomer();
        String agent2Device = restOnly("agent2").deviceId;
        JsonNode before = ok(admin.get("/devices?fields=*"));
        JsonNode routing = ok(admin.simGet("/routing-points"));

        assertRefused(admin.post("/devices", "{\"phoneNumber\""), 400, 10, "Malformed JSON");
        assertRefused(admin.post("/devices", "{}"), 400, 1, "'phoneNumber'");
        assertRefused(admin.post("/devices", json("{'phoneNumber':15090}")), 400, 10, "'phoneNumber': must be a string");
        assertRefused(admin.post("/devices", json("{'phoneNumber':'15a90'}")), 400, 10, "1 to 32 digits");
        assertRefused(admin.post("/devices", json("{'phoneNumber':'" + "1".repeat(33) + "'}")), 400, 10, "1 to 32 digits");
        assertRefused(admin.post("/devices", json("{'phoneNumber':'8000'}")), 400, 10, "8000 is a routing point");
        assertRefused(admin.post("/devices", json("{'phoneNumber':'5550100'}")), 400, 10, "external number");
        assertRefused(admin.post("/devices", json("{'phoneNumber':'15002'}")), 403, 18, "phone number 15002 already exists");
        assertRefused(admin.post("/devices", json("{'phoneNumber':'15090','id':'x'}")), 400, 11, "'id' is read-only");
        assertRefused(admin.post("/devices", json("{'phoneNumber':'15090','type':'ACDPosition'}")), 400, 10, "'type': unknown field");
        assertRefused(admin.put("/devices/" + agent2Device, json("{'phoneNumber':'15003'}")), 403, 18, "15003 already exists");
        assertRefused(admin.put("/devices/" + agent2Device, json("{'phoneNumber':'8001'}")), 400, 10, "routing point");
        assertRefused(admin.put("/devices/00000000-0000-0000-0000-000000000000", json("{'phoneNumber':'15090'}")), 404, 6, "not found");
        assertRefused(admin.delete("/devices/00000000-0000-0000-0000-000000000000"), 404, 6, "not found");
        assertRefused(admin.put("/devices/" + agent1.deviceId, json("{'phoneNumber':'15090'}")), 403, 19, "15001 is a party of a call");
        assertRefused(admin.delete("/devices/" + agent1.deviceId), 403, 19, "15001 is a party of a call");
        assertRefused(admin.post("/users/" + userId(admin, "agent5") + "/devices", json("{'phoneNumber':'15001'}")), 403, 19,
                "15001 is in a call");
        assertRefused(admin.post("/users/" + userId(admin, "admin") + "/devices", json("{'phoneNumber':'15090'}")), 400, 2,
                "needs ROLE_AGENT or ROLE_SUPERVISOR");
        assertRefused(admin.post("/users/0123456789abcdef0123456789abcdef/devices", json("{'phoneNumber':'15090'}")), 404, 6, "not found");
        assertRefused(admin.get("/users/0123456789abcdef0123456789abcdef/devices"), 404, 6, "not found");

        assertThat(ok(admin.get("/devices?fields=*"))).as("nothing changed").isEqualTo(before);
        assertThat(ok(admin.simGet("/routing-points"))).isEqualTo(routing);
        agent1.expectNothingBefore(call); // the call goes on on the device that was not deleted
        assertThat(agent1.get("/me/devices").body().path("uris")).hasSize(1);
    }
}
