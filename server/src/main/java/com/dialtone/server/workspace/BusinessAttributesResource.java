package com.dialtone.server.workspace;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.config.ContactCenterSettings;
import com.dialtone.server.http.Reply;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /internal-api/contact-center?subresources=businessAttributes}: the configured business
 * attributes ({@code contactCenter.businessAttributes}), in GWS's shape. Other subresources are not served
 * and are left out, as {@code /me} leaves out those it does not serve.
 */
public final class BusinessAttributesResource {

    @JsonPropertyOrder({"name", "displayName", "description", "userProperties", "values"})
    public record Attribute(String name, String displayName, String description, List<Object> userProperties, List<Value> values) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "displayName", "description", "userProperties", "default"})
    public record Value(String name, String displayName, String description, List<Object> userProperties,
                        @JsonProperty("default") boolean isDefault) {
    }

    private final ContactCenterSettings settings;

    public BusinessAttributesResource(ContactCenterSettings settings) {
        this.settings = settings;
    }

    /** Routes under {@code /internal-api}. */
    public List<Route> routes() {
        return List.of(Route.get("/contact-center", this::get));
    }

    static List<ContactCenterSettings.BusinessAttributeSettings> attributes(ContactCenterSettings settings) {
        return settings.businessAttributes() == null ? List.of() : settings.businessAttributes();
    }

    private Map<String, Object> get(ApiRequest request) {
        Map<String, Object> resources = new LinkedHashMap<>();
        if (request.queryList("subresources").contains("businessAttributes") || request.queryList("subresources").contains("*")) {
            resources.put("businessAttributes", attributes(settings).stream().map(BusinessAttributesResource::attribute).toList());
        }
        return Reply.ok("resources", resources);
    }

    private static Attribute attribute(ContactCenterSettings.BusinessAttributeSettings a) {
        List<Value> values = (a.values() == null ? List.<ContactCenterSettings.ValueSettings>of() : a.values()).stream()
                .map(v -> new Value(v.name(), v.displayName() == null ? v.name() : v.displayName(), v.description(), List.of(),
                        Boolean.TRUE.equals(v.isDefault())))
                .toList();
        return new Attribute(a.name(), a.displayName() == null ? a.name() : a.displayName(), a.description() == null ? "" : a.description(),
                List.of(), values);
    }
}
