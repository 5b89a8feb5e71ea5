package com.dialtone.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behind a proxy, every absolute URI in resources and notifications starts with server.publicBaseUrl. */
class PublicBaseUrlTest extends EndToEndTest {

    private static final String PUBLIC = "https://cti.example.com/gws";

    @Override
    protected String[] configuration() {
        return new String[] {"server: {publicBaseUrl: '" + PUBLIC + "/'}"};
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void uris_useThePublicBaseUrl(Transport transport) throws Exception {
        Agent agent1 = login("agent1", transport);

        JsonNode call = agent1.dial("5550187");
        String id = call.path("id").asText();

        assertThat(call.path("uri").asText()).isEqualTo(PUBLIC + "/api/v2/me/calls/" + id);
        assertThat(call.path("deviceUri").asText()).isEqualTo(PUBLIC + "/api/v2/devices/" + agent1.deviceId);
        assertThat(agent1.get("/me/calls").body().path("uris").path(0).asText()).isEqualTo(PUBLIC + "/api/v2/me/calls/" + id);
        assertThat(agent1.get("/me").body().path("user").path("uri").asText()).startsWith(PUBLIC + "/api/v2/users/");
        assertThat(agent1.get("/me/devices/" + agent1.deviceId).body().path("device").path("uri").asText())
                .isEqualTo(PUBLIC + "/api/v2/devices/" + agent1.deviceId);
    }
}
