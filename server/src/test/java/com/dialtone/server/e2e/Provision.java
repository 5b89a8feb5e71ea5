package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Helpers for the provisioning API's tests: an administrator's requests, fresh logins, JSON in single quotes. */
final class Provision {

    private static final HttpClient FRESH = HttpClient.newHttpClient(); // no cookies: every request a new login

    private Provision() {
    }

    /** JSON written with single quotes, for readability in tests. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** GET /api/v2/me with Basic credentials and no session, as a new login is. */
    static Response tryLogin(GwsServer server, String userName, String password) {
        try {
            HttpResponse<String> response = FRESH.send(HttpRequest.newBuilder(URI.create(server.api("/me")))
                    .header("Authorization", Agent.basic(userName, password)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id of a user, from the administrator's listing. */
    static String userId(Agent admin, String userName) {
        for (JsonNode user : ok(admin.get("/users?fields=id,userName")).path("users")) {
            if (user.path("userName").asText().equals(userName)) {
                return user.path("id").asText();
            }
        }
        throw new AssertionError("no user " + userName);
    }

    /** Creates an agent with password "secret1" and more fields (JSON in single quotes); returns its id. */
    static String createAgent(Agent admin, String userName, String moreJson) {
        Response created = admin.post("/users", json("{'userName':'" + userName + "','password':'secret1','firstName':'New',"
                + "'lastName':'Agent','roles':['ROLE_AGENT']" + (moreJson.isEmpty() ? "" : "," + moreJson) + "}"));
        return ok(created).path("id").asText();
    }

    /** Gives the user a device with this number (new, or moved from its owner); returns the device's id. */
    static String giveDevice(Agent admin, String userId, String phoneNumber) {
        return ok(admin.post("/users/" + userId + "/devices", json("{'phoneNumber':'" + phoneNumber + "'}"))).path("id").asText();
    }

    /** The body of a successful reply. */
    static JsonNode ok(Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(response.body().path("statusCode").asInt(-1)).as("%s", response.body()).isZero();
        return response.body();
    }

    /** The numbers of the agents of a routing point, as the simulator shows them. */
    static java.util.List<String> agentsOf(Agent admin, String routingPoint) {
        for (JsonNode point : ok(admin.simGet("/routing-points")).path("routingPoints")) {
            if (point.path("number").asText().equals(routingPoint)) {
                return java.util.stream.StreamSupport.stream(point.path("agents").spliterator(), false).map(JsonNode::asText).toList();
            }
        }
        throw new AssertionError("no routing point " + routingPoint);
    }
}
