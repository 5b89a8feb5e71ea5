package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSRF protection is off by default, as in GWS: a POST with only the session is accepted. */
class CsrfOffTest extends EndToEndTest {

    @Test
    void byDefault_aPostWithoutToken_isAccepted() throws Exception {
        Agent agent1 = restOnly("agent1");

        Response response = agent1.post("/me/devices/" + agent1.deviceId + "/calls",
                "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"5550187\"}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(agent1.get("/me/calls").body().path("uris")).hasSize(1);
    }
}
