package com.dialtone.server.workspace;

import com.dialtone.server.config.ContactCenterSettings;
import com.dialtone.server.http.PublicUrls;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The contact centre as desktops name it: its id, its voice environment (the {@code Voice} service, whose
 * URI every device carries as {@code voiceEnvironmentUri}), the switch's name and the configured business
 * unit. Ids are derived from names, so they stay the same across restarts.
 */
public record ContactCenterInfo(ContactCenterSettings settings, PublicUrls urls) {

    /** One contact centre per server; its id only has to be stable. */
    public static final String CONTACT_CENTER_ID = "6d7a6b2e-0f3c-4c51-9b8e-4449a1a1e001";

    public String voiceEnvironmentId() {
        return derived("voice-environment:" + settings.switchName());
    }

    public String voiceEnvironmentUri() {
        return urls.api("/voice-environments/" + voiceEnvironmentId());
    }

    public String switchName() {
        return settings.switchName();
    }

    /** A name-based UUID: the same name gives the same id at every start. */
    static String derived(String name) {
        return UUID.nameUUIDFromBytes(("dialtone:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
