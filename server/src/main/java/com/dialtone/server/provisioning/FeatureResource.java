package com.dialtone.server.provisioning;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The GWS feature object, as a real capture shows it (on {@code /features} and in {@code /me?subresources=features}).
 * Every feature Dialtone knows is assigned to a new contact centre, so {@code autoAssignOnContactCenterCreate} is true.
 */
@JsonPropertyOrder({"id", "displayName", "description", "autoAssignOnContactCenterCreate", "uri", "path"})
public record FeatureResource(String id, String displayName, String description, boolean autoAssignOnContactCenterCreate, String uri,
                              String path) {
}
