package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** With server.csrfProtection on, a POST needs the token its session got on a GET. */
class CsrfTest extends EndToEndTest {

    private static final String DIAL = "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5550187\"}}";

    @Override
    protected String[] configuration() {
        return new String[] {"server: {csrfProtection: true}"};
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aPostWithoutTheSessionsToken_isRefusedWith403_andChangesNothing(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);
        Agent agent2 = restOnly("agent2");
        String foreignToken = agent2.get("/me").headers().firstValue("X-CSRF-TOKEN").orElseThrow();

        for (String token : new String[] {null, "", "not-the-token", foreignToken}) {
            Response response = dial(agent1, token);

            assertThat(response.status()).as("token %s", token).isEqualTo(403);
            assertThat(response.statusCode()).isEqualTo(3);
            assertThat(response.statusMessage()).isEqualTo("Missing or invalid Csrf token");
        }
        assertThat(agent1.get("/me/calls").body().path("uris")).isEmpty();

        String token = agent1.get("/me").headers().firstValue("X-CSRF-TOKEN").orElseThrow();
        Response accepted = dial(agent1, token);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.statusCode()).isZero();
        agent1.expectCall("StatusChange", "Dialing");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void basicCredentialsAlone_areNotEnoughForAPost(Transport transport) throws Exception {
        Agent agent1 = restOnly("agent1");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.api("/me/devices/" + agent1.deviceId + "/calls")))
                .header("Content-Type", "application/json").header("Authorization", Agent.basic("agent1", "demo"))
                .POST(HttpRequest.BodyPublishers.ofString(DIAL));

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"statusCode\":3,\"statusMessage\":\"Missing or invalid Csrf token\"}");
        assertThat(agent1.get("/me/calls").body().path("uris")).isEmpty();
    }

    private static Response dial(Agent agent, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(agent.server.api("/me/devices/" + agent.deviceId + "/calls")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DIAL));
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return agent.send(request);
    }
}
