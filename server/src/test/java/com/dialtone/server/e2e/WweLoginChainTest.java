package com.dialtone.server.e2e;

import static com.dialtone.server.e2e.SeedDialTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WWE 8.5's login chain (shared/spec/wwe-8.5-session.md, section a.2), request by request, as WWE sends
 * them: {@code Content-Type: application/json; charset=UTF-8} on GETs too, {@code X-Requested-With}, Basic
 * only on the login, the session cookie afterwards. Each reply's key set and types are the capture's.
 */
class WweLoginChainTest extends EndToEndTest {

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void wwesLoginChain_getsTheCapturesShapes_fromDialtonesOwnData() throws Exception {
        // 1: the probe for a session, without credentials
        HttpResponse<String> probe = send("GET", "/api/v2/me?subresources=features,devices,channels", null, null);
        assertThat(probe.statusCode()).isEqualTo(403);
        assertThat(probe.body()).isEqualTo("{\"statusCode\":20,\"statusMessage\":\"Access denied\"}");
        assertThat(probe.headers().firstValue("WWW-Authenticate")).isEmpty();

        // 2: the login
        JsonNode user = ok(send("GET", "/api/v2/me?subresources=features,devices,channels", null, Agent.basic("agent1", "demo"))).path("user");
        assertThat(fieldNames(user)).containsSubsequence("id", "userName", "firstName", "lastName", "emailAddress", "roles", "enabled",
                "devices", "changePasswordOnFirstLogin", "features", "contactCenterId", "uri", "path");
        assertThat(user.has("channels")).as("no multimedia channel is logged in").isFalse();
        assertThat(user.path("emailAddress").isTextual()).isTrue();
        assertThat(user.path("features")).isNotEmpty();
        for (JsonNode feature : user.path("features")) {
            assertThat(fieldNames(feature)).containsExactly("id", "displayName", "description", "autoAssignOnContactCenterCreate", "uri", "path");
            assertThat(feature.path("autoAssignOnContactCenterCreate").isBoolean()).isTrue();
        }
        assertThat(user.path("features").findValuesAsText("id")).contains("api-voice");
        JsonNode device = user.path("devices").path(0);
        assertThat(fieldNames(device)).containsSubsequence("id", "deviceState", "userState", "phoneNumber", "description", "e164Number",
                "telephonyNetwork", "doNotDisturb", "voiceEnvironmentUri", "capabilities", "channels", "dynamicPhoneNumber");
        assertThat(device.path("deviceState").asText()).isEqualTo("Active");
        String deviceId = device.path("id").asText();
        String userId = user.path("id").asText();

        // 4: services; the Voice service is the devices' voice environment
        JsonNode services = ok(send("GET", "/api/v2/services?fields=*", null, null)).path("services");
        List<String> types = new ArrayList<>();
        for (JsonNode service : services) {
            assertThat(fieldNames(service)).containsExactly("id", "name", "type", "state", "uri", "path");
            types.add(service.path("type").asText() + "=" + service.path("state").asText());
            if (service.path("type").asText().equals("Voice")) {
                assertThat(device.path("voiceEnvironmentUri").asText()).endsWith("/api/v2/voice-environments/" + service.path("id").asText());
            }
        }
        assertThat(types).containsExactly("Provisioning=Active", "Voice=Active", "MultiMediaState=Inactive", "MultiMediaContent=Inactive");

        // 5: the business unit
        JsonNode units = ok(send("GET", "/api/v2/me/groups?type=BusinessUnit&fields=*", null, null)).path("groups");
        assertThat(units).hasSize(1);
        assertThat(fieldNames(units.path(0))).containsExactly("id", "name", "type", "contains", "uri", "path");
        assertThat(units.path(0).path("id").asText()).startsWith("2-");
        assertThat(units.path(0).path("type").asText()).isEqualTo("BusinessUnit");

        // 6: business attributes, as configured
        JsonNode attributes = ok(send("GET", "/internal-api/contact-center?subresources=businessAttributes", null, null))
                .path("resources").path("businessAttributes");
        assertThat(attributes.findValuesAsText("name")).contains("DispositionCode", "Sale");
        assertThat(fieldNames(attributes.path(0))).containsExactly("name", "displayName", "description", "userProperties", "values");
        assertThat(fieldNames(attributes.path(0).path("values").path(0))).containsExactly("name", "displayName", "userProperties", "default");

        // 7: disposition groups
        JsonNode dispositions = ok(send("GET", "/api/v2/groups?type=dispositions&fields=*", null, null)).path("groups");
        assertThat(dispositions).hasSize(1);
        assertThat(fieldNames(dispositions.path(0))).containsExactly("id", "name", "type", "contains", "defaultGroup", "uri", "path");
        assertThat(dispositions.path(0).path("defaultGroup").isBoolean()).isTrue();

        // 8, 20: the DN's T-Server options, every value a string
        for (String path : List.of("/api/v2/me/devices/" + deviceId + "/settings/tserver", "/api/v2/devices/" + deviceId + "/settings/tserver")) {
            JsonNode settings = ok(send("GET", path, null, null));
            assertThat(fieldNames(settings)).containsExactly("statusCode", "settings", "key");
            assertThat(settings.path("key").asText()).isEqualTo("name");
            assertThat(settings.path("settings")).hasSize(12);
            settings.path("settings").forEach(s -> assertThat(s.path("value").isTextual()).isTrue());
        }

        // 9: voice and chat: voice succeeds, chat is "multimedia" and fails
        JsonNode started = ok(send("POST", "/api/v2/me", "{\"operationName\":\"StartContactCenterSession\",\"channels\":[\"voice\",\"chat\"]}", null), 7);
        assertThat(fieldNames(started)).containsExactly("statusCode", "failed", "succeeded");
        assertThat(started.path("failed").path(0).path("channel").asText()).isEqualTo("multimedia");
        assertThat(started.path("succeeded").path(0).path("channel").asText()).isEqualTo("voice");

        // 10: the user as a contact
        JsonNode contact = ok(send("GET", "/api/v2/contacts/" + userId + "?type=User", null, null)).path("contact");
        assertThat(fieldNames(contact)).containsExactly("id", "name", "type", "phoneNumbers", "userName", "firstName", "lastName",
                "employeeId", "uri", "path");
        assertThat(fieldNames(contact.path("phoneNumbers").path(0))).containsExactly("phoneNumber", "description", "switchName");
        assertThat(contact.path("phoneNumbers").path(0).path("phoneNumber").asText()).isEqualTo("15001");

        // 12, 13
        JsonNode version = ok(send("GET", "/api/v2/diagnostics/version", null, null));
        assertThat(version.path("version").asText()).matches("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");
        assertThat(ok(send("GET", "/api/v2/workbins?fields=*", null, null)).path("workbins").isArray()).isTrue();

        // 14: the aggregated subresources, with the slash after me
        JsonNode again = ok(send("GET", "/api/v2/me/?subresources=devices,calls,channels,interactions,chats", null, null)).path("user");
        assertThat(again.path("calls").isArray()).isTrue();
        assertThat(again.has("channels") || again.has("interactions") || again.has("chats") || again.has("features")).isFalse();

        // 18: the outbound campaign request
        assertThat(ok(send("POST", "/internal-api/operations", "{\"operationName\":\"SendUserEvent\",\"deviceId\":\"" + deviceId
                + "\",\"userData\":{\"GSW_AGENT_REQ_TYPE\":\"CampaignStatusRequest\",\"GSW_REFERENCE_ID\":1}}", null)).toString())
                .isEqualTo("{\"statusCode\":0}");

        // 19: NotReady
        assertThat(ok(send("POST", "/api/v2/me/channels/voice", "{\"operationName\":\"NotReady\"}", null)).toString()).isEqualTo("{\"statusCode\":0}");
    }

    @Test
    void theLoginChain_showsAUserOnlyTheirOwn_butColleaguesAsContacts() throws Exception {
        ok(send("GET", "/api/v2/me", null, Agent.basic("agent1", "demo")));
        Agent agent2 = restOnly("agent2");
        String agent2Id = agent2.get("/me").body().path("user").path("id").asText();

        assertThat(send("GET", "/api/v2/me/devices/" + agent2.deviceId + "/settings/tserver", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v2/devices/" + agent2.deviceId + "/settings/tserver", null, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/internal-api/operations", "{\"operationName\":\"SendUserEvent\",\"deviceId\":\"" + agent2.deviceId
                + "\",\"userData\":{\"a\":\"b\"}}", null).statusCode()).isEqualTo(404);
        // As in GWS's directory: a colleague's name and numbers, nothing else.
        JsonNode colleague = ok(send("GET", "/api/v2/contacts/" + agent2Id + "?type=User", null, null)).path("contact");
        assertThat(colleague.path("userName").asText()).isEqualTo("agent2");
        assertThat(colleague.has("roles") || colleague.has("devices")).isFalse();
        assertThat(send("GET", "/api/v2/contacts/" + agent2Id + "?type=Customer", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = send("POST", "/internal-api/operations", "{\"operationName\":\"Nope\"}", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(unknown.body()).path("statusCode").asInt()).isEqualTo(10);
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.local() + "/internal-api/contact-center"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.local() + path))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", "*/*")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        return ok(response, 0);
    }

    private static JsonNode ok(HttpResponse<String> response, int statusCode) throws Exception {
        assertThat(response.statusCode()).as("%s %s", response.uri(), response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).as("%s", response.body()).isEqualTo(statusCode);
        return body;
    }
}
