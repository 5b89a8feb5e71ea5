package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.AgentStateTest.assertRefused;
import static com.dialtone.server.e2e.Provision.json;
import static com.dialtone.server.e2e.Provision.ok;
import static com.dialtone.server.e2e.Provision.userId;
import static com.dialtone.server.e2e.SeedDialTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may provision, and the features that switch provisioning on and off; features and settings for everyone to read. */
class ProvisioningAccessTest extends EndToEndTest {

    @Test
    void agentsAndSupervisors_getNoPermission_onEveryAdministratorsRequest_andChangeNothing() throws Exception {
        Agent admin = restOnly("admin");
        String agent2 = userId(admin, "agent2");
        String agent2Device = restOnly("agent2").deviceId;
        JsonNode users = ok(admin.get("/users?fields=*"));
        JsonNode devices = ok(admin.get("/devices?fields=*"));
        JsonNode features = ok(admin.get("/features"));
        String user = json("{'userName':'x','password':'secret1','firstName':'X','lastName':'X','roles':['ROLE_ADMIN']}");
        String phone = json("{'phoneNumber':'15090'}");

        for (String name : List.of("agent1", "supervisor1")) {
            Agent caller = restOnly(name);
            for (Response refused : List.of(caller.get("/users"), caller.get("/users?fields=*"), caller.post("/users", user),
                    caller.get("/users/" + agent2), caller.put("/users/" + agent2, json("{'roles':['ROLE_ADMIN']}")),
                    caller.delete("/users/" + agent2), caller.get("/users/" + agent2 + "/devices"),
                    caller.post("/users/" + agent2 + "/devices", phone), caller.get("/devices"), caller.post("/devices", phone),
                    caller.put("/devices/" + agent2Device, phone), caller.delete("/devices/" + agent2Device),
                    caller.post("/features", json("{'id':'api-voice'}")), caller.delete("/features/api-voice"))) {
                assertRefused(refused, 403, 5, "ROLE_ADMIN");
            }
            assertRefused(caller.get("/devices/" + agent2Device), 404, 6, "not found"); // another user's device looks missing
        }

        assertThat(ok(admin.get("/users?fields=*"))).isEqualTo(users);
        assertThat(ok(admin.get("/devices?fields=*"))).isEqualTo(devices);
        assertThat(ok(admin.get("/features"))).isEqualTo(features);
    }

    @Test
    void everyoneReadsTheFeatures_andWithoutAProvisioningFeature_itsResourcesAreNotFound() throws Exception {
        Agent admin = restOnly("admin");
        Agent agent1 = restOnly("agent1");
        String base = server.base() + "/api/v2/features/";
        List<String> all = List.of("api-voice", "api-supervisor-monitoring", "api-voice-recording", "api-ucs-voice",
                "api-provisioning-read", "api-provisioning-write");
        assertThat(ok(agent1.get("/features")).path("uris")).extracting(JsonNode::asText).containsExactlyElementsOf(all.stream().map(f -> base + f).toList());
        JsonNode objects = ok(agent1.get("/features?fields=*")).path("features");
        assertThat(objects).hasSize(6);
        objects.forEach(f -> assertThat(fieldNames(f)).containsExactly("id", "displayName", "description", "autoAssignOnContactCenterCreate", "uri", "path"));
        JsonNode voice = ok(agent1.get("/features/api-voice")).path("feature");
        assertThat(voice).isEqualTo(objects.path(0));
        assertThat(voice.path("id").asText()).isEqualTo("api-voice");
        assertThat(voice.path("displayName").asText()).isEqualTo("Voice");
        assertThat(voice.path("uri").asText()).isEqualTo(base + "api-voice");
        assertThat(voice.path("path").asText()).isEqualTo("/features/api-voice");

        assertThat(ok(admin.delete("/features/api-provisioning-write"))).isEqualTo(Json.MAPPER.createObjectNode().put("statusCode", 0));

        String user = json("{'userName':'x','password':'secret1','firstName':'X','lastName':'X','roles':['ROLE_AGENT']}");
        assertRefused(admin.post("/users", user), 404, 6, "api-provisioning-write is not assigned");
        assertRefused(admin.post("/devices", json("{'phoneNumber':'15090'}")), 404, 6, "api-provisioning-write");
        assertRefused(agent1.post("/me/devices", json("{'phoneNumber':'15090'}")), 404, 6, "api-provisioning-write");
        assertRefused(admin.delete("/users/" + userId(admin, "agent2")), 404, 6, "api-provisioning-write");
        assertThat(ok(admin.get("/users")).path("uris")).as("reading still works").hasSize(22);
        assertRefused(agent1.get("/features/api-provisioning-write"), 404, 6, "not assigned");
        assertThat(ok(agent1.get("/features")).path("uris")).hasSize(5);

        String agent2 = userId(admin, "agent2");
        ok(admin.delete("/features/api-provisioning-read"));

        assertThat(ok(admin.get("/features")).path("uris")).hasSize(4);
        assertRefused(admin.get("/users"), 404, 6, "api-provisioning-read is not assigned");
        assertRefused(admin.get("/users/" + agent2), 404, 6, "api-provisioning-read");
        assertRefused(admin.get("/devices?fields=*"), 404, 6, "api-provisioning-read");
        assertRefused(admin.get("/devices/" + agent1.deviceId), 404, 6, "api-provisioning-read");
        assertRefused(agent1.get("/users"), 404, 6, "api-provisioning-read");
        assertThat(ok(agent1.get("/devices/" + agent1.deviceId)).path("device").path("phoneNumber").asText())
                .as("a device's own deviceUri is voice, not provisioning").isEqualTo("15001");
        assertThat(ok(agent1.get("/me/devices")).path("uris")).hasSize(1);

        JsonNode assigned = ok(admin.post("/features", json("{'id':'api-provisioning-read'}")));
        assertThat(fieldNames(assigned)).containsExactly("statusCode", "id", "uri", "path");
        assertThat(assigned.path("uri").asText()).isEqualTo(base + "api-provisioning-read");
        ok(admin.post("/features", json("{'id':'api-provisioning-write'}")));

        assertThat(ok(admin.get("/users/" + agent2)).path("user").path("userName").asText()).isEqualTo("agent2");
        ok(admin.post("/users", user));
        assertThat(ok(agent1.get("/features")).path("uris")).hasSize(6);
        assertRefused(admin.post("/features", json("{'id':'api-voice'}")), 403, 18, "already assigned");
        assertRefused(admin.post("/features", json("{'id':'api-teleport'}")), 404, 6, "Feature 'api-teleport' not found");
        assertRefused(admin.post("/features", "{}"), 400, 1, "'id'");
        assertRefused(admin.delete("/features/api-teleport"), 404, 6, "not assigned");
    }

    @Test
    void everyoneReadsTheSettings() throws Exception {
        Agent agent1 = restOnly("agent1");

        assertThat(ok(agent1.get("/settings"))).isEqualTo(Json.MAPPER.createObjectNode().put("statusCode", 0)
                .set("uris", Json.MAPPER.createArrayNode().add(server.base() + "/api/v2/settings/general-settings")));
        assertThat(agent1.get("/settings/general-settings").body()).isEqualTo(Json.MAPPER.readTree(
                "{\"statusCode\":0,\"settings\":{\"countryCode\":\"US\",\"countryDigits\":\"1\",\"countryName\":\"United States\"}}"));
        assertRefused(agent1.get("/settings/agent-states"), 404, 6, "Settings group 'agent-states' not found");
    }
}
