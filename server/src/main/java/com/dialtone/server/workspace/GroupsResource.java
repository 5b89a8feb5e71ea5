package com.dialtone.server.workspace;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.config.ContactCenterSettings;
import com.dialtone.server.http.Reply;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GWS groups: {@code GET /api/v2/me/groups?type=BusinessUnit} (the contact centre's one business unit,
 * which every user is in) and {@code GET /api/v2/groups?type=dispositions} (one group per business attribute
 * configured with {@code dispositions: true}). Other types have no groups here: an empty list.
 */
public final class GroupsResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "type", "contains", "defaultGroup", "uri", "path"})
    public record Group(String id, String name, String type, List<String> contains, Boolean defaultGroup, String uri, String path) {
    }

    private final ContactCenterInfo center;

    public GroupsResource(ContactCenterInfo center) {
        this.center = center;
    }

    public List<Route> routes() {
        return List.of(Route.get("/me/groups", this::mine), Route.get("/groups", this::all));
    }

    private Map<String, Object> mine(ApiRequest request) {
        String type = request.query("type");
        return Reply.ok("groups", type == null || type.equals("BusinessUnit") ? List.of(businessUnit()) : List.of());
    }

    private Map<String, Object> all(ApiRequest request) {
        String type = request.query("type");
        List<Group> groups = new ArrayList<>();
        if (type == null || type.equals("BusinessUnit")) {
            groups.add(businessUnit());
        }
        if (type == null || type.equals("dispositions")) {
            groups.addAll(dispositionGroups());
        }
        return Reply.ok("groups", groups);
    }

    private Group businessUnit() {
        String id = "2-" + ContactCenterInfo.derived("business-unit:" + center.settings().name());
        return group(id, center.settings().name(), "BusinessUnit", List.of("users", "skills", "queues", "places"), null);
    }

    private List<Group> dispositionGroups() {
        List<Group> groups = new ArrayList<>();
        for (ContactCenterSettings.BusinessAttributeSettings attribute : BusinessAttributesResource.attributes(center.settings())) {
            if (Boolean.TRUE.equals(attribute.dispositions())) {
                String id = "1-" + ContactCenterInfo.derived("dispositions:" + attribute.name());
                groups.add(group(id, attribute.displayName() == null ? attribute.name() : attribute.displayName(), "dispositions",
                        List.of("dispositions"), false));
            }
        }
        return groups;
    }

    private Group group(String id, String name, String type, List<String> contains, Boolean defaultGroup) {
        return new Group(id, name, type, contains, defaultGroup, center.urls().api("/groups/" + id), "/groups/" + id);
    }
}
