package com.dialtone.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dialtone.server.auth.User;
import com.dialtone.server.directory.Device;
import com.dialtone.switching.embedded.FarEndBehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void defaults_areTheDemoContactCenter() {
        DialtoneConfig config = ConfigLoader.load(List.of());
        ContactCenter center = ContactCenter.from(config);

        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.server().port()).isEqualTo(8090);
        assertThat(config.server().csrfProtection()).isFalse();
        assertThat(center.users().all()).extracting(User::userName).hasSize(22).contains("agent1", "agent20", "supervisor1", "admin");
        for (int i = 1; i <= 20; i++) {
            User agent = center.users().byName("agent" + i).orElseThrow();
            assertThat(agent.roles()).containsExactly("ROLE_AGENT");
            assertThat(center.devices().ownedBy(agent.id())).extracting(Device::phoneNumber).containsExactly(String.valueOf(15000 + i));
        }
        User supervisor = center.users().byName("supervisor1").orElseThrow();
        assertThat(supervisor.roles()).containsExactly("ROLE_SUPERVISOR");
        assertThat(center.devices().ownedBy(supervisor.id())).extracting(Device::phoneNumber).containsExactly("15100");
        User admin = center.users().byName("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly("ROLE_ADMIN");
        assertThat(center.devices().ownedBy(admin.id())).isEmpty();
        assertThat(center.devices().byDn("15001").orElseThrow().id()).isEqualTo("631608b3-ceb1-472b-ba05-2ae39555b0d1");

        assertThat(center.dialPlan().defaultBehaviour()).isEqualTo(FarEndBehaviour.answerAfter(Duration.ofSeconds(1)));
        assertThat(center.dialPlan().behaviourOf("5550100")).isEqualTo(FarEndBehaviour.answerAfter(Duration.ZERO));
        assertThat(center.dialPlan().behaviourOf("5550186")).isEqualTo(FarEndBehaviour.busy());
        assertThat(center.dialPlan().behaviourOf("5550187")).isEqualTo(FarEndBehaviour.noAnswer());
        assertThat(center.dialPlan().behaviourOf("5550188"))
                .isEqualTo(FarEndBehaviour.answerThenHangUp(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        assertThat(center.dialPlan().noAnswerTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void idsDerivedFromNames_areTheSameAtEveryLoad() {
        ContactCenter first = ContactCenter.from(ConfigLoader.load(List.of()));
        ContactCenter second = ContactCenter.from(ConfigLoader.load(List.of()));

        assertThat(second.devices().byDn("15007").orElseThrow().id()).isEqualTo(first.devices().byDn("15007").orElseThrow().id());
        assertThat(second.users().byName("agent7").orElseThrow().id()).isEqualTo(first.users().byName("agent7").orElseThrow().id()).matches("[0-9a-f]{32}");
    }

    @Test
    void aFile_mergesMappingsAndReplacesLists(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dialtone.yaml");
        Files.writeString(file, """
                server:
                  port: 9000
                  publicBaseUrl: https://cti.example.com/gws/
                dialPlan:
                  noAnswerTimeout: 45s
                  numbers:
                    "18005550000": { outcome: busy }
                users:
                  - userName: alice
                    password: secret
                    roles: [ROLE_AGENT]
                    devices: [ { phoneNumber: "2001" } ]
                """);

        DialtoneConfig config = ConfigLoader.load(file);
        ContactCenter center = ContactCenter.from(config);

        assertThat(config.server().port()).isEqualTo(9000);
        assertThat(config.server().host()).as("kept from the defaults").isEqualTo("127.0.0.1");
        assertThat(config.server().publicBaseUrl()).isEqualTo("https://cti.example.com/gws/");
        assertThat(center.dialPlan().noAnswerTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(center.dialPlan().behaviourOf("18005550000")).isEqualTo(FarEndBehaviour.busy());
        assertThat(center.dialPlan().behaviourOf("5550186")).as("demo numbers merged in").isEqualTo(FarEndBehaviour.busy());
        assertThat(center.users().all()).extracting(User::userName).containsExactly("alice");
        assertThat(center.users().byName("alice").orElseThrow().passwordHash()).startsWith("pbkdf2-sha256$").doesNotContain("secret");
    }

    @Test
    void theBuiltInUsers_areKnownAsSuch_untilAFileReplacesThem() {
        assertThat(ConfigLoader.hasBuiltInUsers(ConfigLoader.load(List.of()))).isTrue();
        assertThat(ConfigLoader.hasBuiltInUsers(ConfigLoader.load(List.of("server: {port: 9000}")))).as("other settings keep them").isTrue();
        assertThat(ConfigLoader.hasBuiltInUsers(ConfigLoader.load(List.of(
                "users: [{userName: alice, password: secret, roles: [ROLE_AGENT]}]")))).isFalse();
    }

    @Test
    void badValues_failWithAMessageThatNamesTheKey() {
        assertFails("server: {port: 70000}", "server.port must be 0..65535");
        assertFails("server: {prot: 1}", "server.prot: unknown setting; known here: csrfProtection, host, maxRequestBodyBytes, port, publicBaseUrl, sessionTimeout");
        assertFails("server: {port: many}", "server.port: Cannot deserialize value of type");
        assertFails("server: {sessionTimeout: soon}", "server.sessionTimeout");
        assertFails("server: {publicBaseUrl: 'ftp://x'}", "server.publicBaseUrl must be an http or https URL");
        assertFails("server: {maxRequestBodyBytes: 10}", "server.maxRequestBodyBytes must be 1024..16777216");
        assertFails("notifications: {timeout: 10m}", "notifications.timeout must be 1s..5m");
        assertFails("dialPlan: {default: {outcome: maybe}}", "dialPlan.default.outcome must be answer, busy or noAnswer");
        assertFails("dialPlan: {numbers: {'555': {outcome: busy, answerAfter: 1s}}}", "dialPlan.numbers.555: answerAfter and hangUpAfter apply only");
        assertFails("dialPlan: {numbers: {'15001': {outcome: busy}}}", "dialPlan.numbers.15001 is the phone number of agent1's device");
        assertFails("dialPlan: {noAnswerTimeout: 0s}", "dialPlan.noAnswerTimeout must be positive");
        assertFails("users: []", "users must list at least one user");
        assertFails("users: [{userName: a, roles: [ROLE_AGENT]}]", "users[0] (a) needs exactly one of password and passwordHash");
        assertFails("users: [{userName: a, password: x, roles: [ROLE_KING]}]", "users[0] (a).roles must be one or more of");
        assertFails("users: [{userName: a, password: x, roles: [ROLE_AGENT], passwordHash: 'md5:x'}]", "needs exactly one of password and passwordHash");
        assertFails("users: [{userName: a, passwordHash: 'md5:x', roles: [ROLE_AGENT]}]", "users[0] (a).passwordHash is not a hash");
        assertFails("users: [{userName: a, password: x, roles: [ROLE_AGENT], devices: [{phoneNumber: '1'}]}, "
                + "{userName: b, password: x, roles: [ROLE_AGENT], devices: [{phoneNumber: '1'}]}]", "phone number 1 already belongs to a");
        assertFails("users: [{userName: a, password: x, roles: [ROLE_AGENT]}, {userName: a, password: y, roles: [ROLE_AGENT]}]", "the user name is used twice");
        assertFails("users: [{userName: a, password: x, roles: [ROLE_AGENT], devices: [{phoneNumber: '12a'}]}]", "phoneNumber must be 1 to 32 digits");
        assertFails("users: [{userName: a, password: x, roles: [ROLE_AGENT], devices: [{id: nope, phoneNumber: '12'}]}]", "id must be a UUID");
        assertFails("crossOriginSettings: {allowedOrigins: ['https://desktop.example.com/app']}", "crossOriginSettings.allowedOrigins: each must be");
        assertFails("crossOriginSettings: {allowedOrigins: [desktop.example.com]}", "crossOriginSettings.allowedOrigins: each must be");
        assertFails("contactCenter: {businessAttributes: [{name: A}, {name: A}]}", "contactCenter.businessAttributes[1]: the name A is used twice");
        assertFails("contactCenter: {switchName: ''}", "contactCenter.switchName must be set");
        assertFails("- just a list", "must be a YAML mapping");
        assertFails("server: [", "is not valid YAML");
    }

    @Test
    void aMissingFile_isReported(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read the configuration file");
    }

    private static void assertFails(String yaml, String message) {
        assertThatThrownBy(() -> ContactCenter.from(ConfigLoader.load(List.of(yaml))))
                .as(yaml).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }
}
