package com.dialtone.server.provisioning;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The GWS feature object, as a real capture shows it. */
@JsonPropertyOrder({"id", "displayName", "description", "uri", "path"})
record FeatureResource(String id, String displayName, String description, String uri, String path) {
}
