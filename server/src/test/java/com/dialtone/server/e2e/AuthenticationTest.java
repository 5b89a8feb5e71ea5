package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** HTTP Basic, then the JSESSIONID session; everything but version and health needs one of them. */
class AuthenticationTest extends EndToEndTest {

    private final HttpClient anonymous = HttpClient.newHttpClient();

    @Test
    void withoutCredentials_everyResourceAnswers401WithStatusCode20() throws Exception {
        for (String[] request : new String[][] {{"GET", "/me"}, {"GET", "/me/calls"}, {"GET", "/me/devices"},
                {"POST", "/me/devices/631608b3-ceb1-472b-ba05-2ae39555b0d1/calls"}, {"GET", "/no/such/thing"}}) {
            HttpResponse<String> response = send(request[0], request[1], null);

            assertThat(response.statusCode()).as("%s %s", request[0], request[1]).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Dialtone\"");
            JsonNode body = com.dialtone.server.http.Json.MAPPER.readTree(response.body());
            assertThat(body.path("statusCode").asInt()).isEqualTo(20);
            assertThat(body.path("statusMessage").asText()).contains("Authentication required");
            assertThat(response.headers().firstValue("Set-Cookie")).as("no session for strangers").isEmpty();
        }
    }

    @Test
    void aScriptThatSaysSo_getsNoBasicChallenge_soTheBrowserShowsNoPasswordDialog() throws Exception {
        HttpResponse<String> response = anonymous.send(HttpRequest.newBuilder(URI.create(server.api("/me")))
                .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());

        // What GWS answers WWE's probe for a session (shared/spec/wwe-8.5-session.md, request 1).
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.body()).isEqualTo("{\"statusCode\":20,\"statusMessage\":\"Access denied\"}");
    }

    @Test
    void wrongPassword_unknownUser_orAnotherScheme_areRefusedAlike() throws Exception {
        for (String authorization : new String[] {Agent.basic("agent1", "wrong"), Agent.basic("nobody", "demo"),
                "Bearer abc", "Basic !!!notbase64", "Basic " + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes())}) {
            HttpResponse<String> response = send("GET", "/me", authorization);

            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"statusCode\":20,\"statusMessage\":\"Invalid user name or password\"}");
        }
    }

    @Test
    void versionAndHealth_needNoLogin() throws Exception {
        JsonNode version = com.dialtone.server.http.Json.MAPPER.readTree(send("GET", "/diagnostics/version", null).body());
        assertThat(version.path("statusCode").asInt()).isZero();
        assertThat(version.path("version").asText()).isEqualTo("8.5.202.96");
        assertThat(version.path("product").asText()).isEqualTo("Dialtone");

        HttpResponse<String> health = send("GET", "/diagnostics/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"statusCode\":0,\"status\":\"UP\"}");
    }

    @Test
    void afterBasicLogin_theSessionCookieAloneIdentifiesTheUser_andEveryGetCarriesTheCsrfToken() throws Exception {
        Agent agent1 = restOnly("agent1");

        Response me = agent1.get("/me");
        Response calls = agent1.get("/me/calls");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("user").path("userName").asText()).isEqualTo("agent1");
        assertThat(me.body().path("user").path("roles")).extracting(JsonNode::asText).containsExactly("ROLE_AGENT");
        assertThat(me.body().toString()).doesNotContain("pbkdf2").doesNotContain("password\":\"demo");
        for (Response response : new Response[] {me, calls}) {
            assertThat(response.headers().firstValue("X-CSRF-HEADER")).hasValue("X-CSRF-TOKEN");
            assertThat(response.headers().firstValue("X-CSRF-TOKEN")).get().asString().matches("[0-9a-f-]{36}");
        }
        assertThat(me.headers().firstValue("X-CSRF-TOKEN")).isEqualTo(calls.headers().firstValue("X-CSRF-TOKEN"));
    }

    @Test
    void theDemoUsersAndDevices_areThereWithStableIds() throws Exception {
        Agent agent20 = restOnly("agent20");
        Agent supervisor = restOnly("supervisor1");
        Agent admin = restOnly("admin");

        assertThat(agent20.dn).isEqualTo("15020");
        assertThat(supervisor.dn).isEqualTo("15100");
        assertThat(supervisor.get("/me").body().path("user").path("roles")).extracting(JsonNode::asText).containsExactly("ROLE_SUPERVISOR");
        assertThat(admin.dn).isNull();
        assertThat(admin.get("/me/devices").body().path("uris")).isEmpty();
        assertThat(restOnly("agent1").deviceId).isEqualTo("631608b3-ceb1-472b-ba05-2ae39555b0d1");

        try (GwsServer restarted = GwsServer.start()) {
            assertThat(Agent.restOnly(restarted, "agent20").deviceId).as("same id after a restart").isEqualTo(agent20.deviceId);
        }
    }

    @Test
    void collections_giveUris_orObjectsWithFields() throws Exception {
        Agent agent2 = restOnly("agent2");

        JsonNode uris = agent2.get("/me/devices").body();
        JsonNode all = agent2.get("/me/devices?fields=*").body();
        JsonNode some = agent2.get("/me/devices?fields=id,phoneNumber").body();

        assertThat(uris.path("uris")).extracting(JsonNode::asText).containsExactly(server.base() + "/api/v2/devices/" + agent2.deviceId);
        JsonNode device = all.path("devices").path(0);
        assertThat(device.path("id").asText()).isEqualTo(agent2.deviceId);
        assertThat(device.path("phoneNumber").asText()).isEqualTo("15002");
        assertThat(device.path("deviceState").asText()).isEqualTo("Active");
        assertThat(device.path("userState").path("state").asText()).as("no contact-centre session yet").isEqualTo("LoggedOut");
        assertThat(device.path("uri").asText()).isEqualTo(server.base() + "/api/v2/devices/" + agent2.deviceId);
        assertThat(agent2.get("/me/devices/" + agent2.deviceId).body().path("device")).isEqualTo(device);
        assertThat(some.path("devices").path(0)).isEqualTo(com.dialtone.server.http.Json.MAPPER.createObjectNode()
                .put("id", agent2.deviceId).put("phoneNumber", "15002"));
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.api(path)))
                .header("Content-Type", "application/json")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"15002\"}}") : HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return anonymous.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
