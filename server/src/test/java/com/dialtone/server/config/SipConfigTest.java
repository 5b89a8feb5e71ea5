package com.dialtone.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dialtone.sip.Digest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code telephony.sip}: absent by default (every device simulated), read with its defaults, checked with clear messages. */
class SipConfigTest {

    private static final String HA1_15001 = Digest.ha1("15001", "dialtone", "secret1");
    private static final String HA1_15002 = Digest.ha1("15002", "dialtone", "secret2");

    private static final String SIP = """
            telephony:
              sip:
                port: 5070
                dns: 15001-15002
                credentials: { "15001": %s, "15002": %s }
                trunks:
                  - { name: carrier, host: 127.0.0.1, port: 5080, prefixes: ["9", "+"], inbound: { "5551000": "8000" } }
            """.formatted(HA1_15001, HA1_15002);

    @Test
    void withoutASipSection_everyDeviceIsSimulated() {
        assertThat(ConfigLoader.load(List.of()).telephony().sip()).isNull();
    }

    @Test
    void aSipSection_isReadWithItsDefaults() {
        TelephonySettings.Sip sip = ConfigLoader.load(List.of(SIP)).telephony().sip();
        assertThat(sip.host()).isEqualTo("127.0.0.1");
        assertThat(sip.port()).isEqualTo(5070);
        assertThat(sip.realm()).isEqualTo("dialtone");
        assertThat(sip.isSip("15001")).isTrue();
        assertThat(sip.isSip("15002")).isTrue();
        assertThat(sip.isSip("15003")).isFalse();
        assertThat(sip.isSip("150015")).isFalse();
        assertThat(sip.credentials()).containsEntry("15001", HA1_15001);
        assertThat(sip.trunks().get(0).transport()).isEqualTo("udp");
        assertThat(sip.trunks().get(0).inbound()).containsEntry("5551000", "8000");
        assertThat(sip.registration().defaultExpiry()).isEqualTo(Duration.ofMinutes(5));
        assertThat(sip.keepAlive().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigLoader.load(List.of("telephony: { sip: { dns: all, credentials: {} } }", "users: []")).telephony().sip().isSip("42"))
                .isTrue();
    }

    @Test
    void badValues_failWithAMessageThatNamesTheKey() {
        assertFails(SIP + "    host: 0.0.0.0\n", "telephony.sip.host must be the address phones reach Dialtone at");
        assertFails(SIP.replace("15001-15002", "15002-15001"), "telephony.sip.dns: each must be all, a DN such as 15001 or a range");
        assertFails(SIP.replace(HA1_15001, "secret1"), "telephony.sip.credentials.15001 must be the HA1");
        assertFails(SIP.replace("15001-15002", "[15001, 15002, 15003]"), "telephony.sip.credentials: the SIP DN 15003 has no HA1");
        assertFails(SIP.replace("dns: 15001-15002", "dns: [15001]"), "telephony.sip.credentials.15002: 15002 is not a SIP DN");
        assertFails(SIP.replace("port: 5080", "port: 5080, transport: tls"), "telephony.sip.trunks[0].transport must be udp or tcp");
        assertFails(SIP.replace("\"8000\" }", "\"9999\" }"), "telephony.sip.trunks[0].inbound.5551000 must be a routing point or a DN");
        assertFails(SIP + "    keepAlive: { interval: 0s }\n", "telephony.sip.keepAlive.interval must be positive");
        assertFails(SIP + "    passwords: {}\n", "unknown setting");
    }

    private static void assertFails(String yaml, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(yaml))).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }
}
