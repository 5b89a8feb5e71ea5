package com.dialtone.server.config;

import java.util.List;

/**
 * What a desktop reads about the contact centre as a whole (WWE's login chain, docs/configuration.md).
 *
 * @param name               the business unit's name: {@code GET /api/v2/me/groups?type=BusinessUnit}
 * @param switchName         the voice service's name and each phone number's {@code switchName}
 * @param businessAttributes {@code GET /internal-api/contact-center?subresources=businessAttributes}; those
 *                           marked {@code dispositions} are also the groups of {@code /api/v2/groups?type=dispositions}
 */
public record ContactCenterSettings(String name, String switchName, List<BusinessAttributeSettings> businessAttributes) {

    /** A business attribute (a list of values a desktop offers, such as disposition codes). */
    public record BusinessAttributeSettings(String name, String displayName, String description, Boolean dispositions,
                                            List<ValueSettings> values) {
    }

    /** One value of a business attribute; {@code default} marks the one preselected. */
    public record ValueSettings(String name, String displayName, String description,
                                @com.fasterxml.jackson.annotation.JsonProperty("default") Boolean isDefault) {
    }
}
