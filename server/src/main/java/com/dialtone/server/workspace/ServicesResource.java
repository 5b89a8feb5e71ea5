package com.dialtone.server.workspace;

import com.dialtone.server.api.Route;
import com.dialtone.server.http.Reply;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code GET /api/v2/services}: what GWS is connected to. Dialtone is its own provisioning and its own voice
 * switch, both always up; it has no Interaction Server and no UCS, so the multimedia services are
 * {@code Inactive}, as a GWS whose multimedia servers are down shows them (WWE then reports chat
 * unavailable and goes on with voice).
 */
public final class ServicesResource {

    @JsonPropertyOrder({"id", "name", "type", "state", "uri", "path"})
    public record Service(String id, String name, String type, String state, String uri, String path) {
    }

    private final ContactCenterInfo center;

    public ServicesResource(ContactCenterInfo center) {
        this.center = center;
    }

    public List<Route> routes() {
        return List.of(Route.get("/services", request -> Reply.ok("services", services())));
    }

    List<Service> services() {
        return List.of(service("ON_PREMISE_ENVIRONMENT", "Provisioning", "Provisioning", "Active"),
                service(center.voiceEnvironmentId(), center.switchName(), "Voice", "Active"),
                service(ContactCenterInfo.derived("service:InteractionServer"), "InteractionServer", "MultiMediaState", "Inactive"),
                service(ContactCenterInfo.derived("service:UCS"), "UCS", "MultiMediaContent", "Inactive"));
    }

    private Service service(String id, String name, String type, String state) {
        return new Service(id, name, type, state, center.urls().api("/services/" + id), "/services/" + id);
    }
}
