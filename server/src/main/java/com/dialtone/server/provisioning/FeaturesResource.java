package com.dialtone.server.provisioning;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.http.Fields;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v2/features}: the GWS features assigned to the contact centre, for anyone logged in to
 * read (a desktop enables what they allow). Administrators assign ({@code POST {"id":...}}) and unassign
 * ({@code DELETE /features/{id}}) them. Dialtone enforces the two provisioning features, supervisor
 * monitoring, call recording and UCS for voice (with {@code api-voice} standing in for it); {@code api-voice}
 * alone does not switch the Voice API off.
 */
final class FeaturesResource {

    /** Every feature Dialtone knows, in the order listed, with its display name and description. */
    static final Map<String, String[]> KNOWN = known();

    private final Provisioning core;
    private final Set<String> assigned;
    private final PublicUrls urls;

    FeaturesResource(Provisioning core, PublicUrls urls) {
        this.core = core;
        this.assigned = core.stored().features();
        this.urls = urls;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/features", this::list),
                Route.get("/features/{id}", request -> Reply.ok("feature", resource(assignedFeature(request.path("id"))))),
                Route.post("/features", this::assign),
                Route.delete("/features/{id}", this::unassign));
    }

    private Map<String, Object> list(ApiRequest request) {
        List<String> ids = KNOWN.keySet().stream().filter(assigned::contains).toList();
        Set<String> fields = request.queryList("fields");
        if (fields.isEmpty()) {
            return Reply.ok("uris", ids.stream().map(id -> urls.api(path(id))).toList());
        }
        return Reply.ok("features", Fields.select(ids.stream().map(this::resource).toList(), fields));
    }

    private Map<String, Object> assign(ApiRequest request) throws Exception {
        Access.role(request, Access.ADMIN);
        Params params = Params.of(request.body());
        Bodies.check(params, Set.of("id"), Map.of());
        String id = params.requiredText("id");
        if (!KNOWN.containsKey(id)) {
            throw new GwsException(StatusCode.NOT_FOUND, "Feature '" + id + "' not found; known: " + String.join(", ", KNOWN.keySet()));
        }
        core.write(() -> {
            if (assigned.contains(id)) {
                throw new GwsException(StatusCode.ALREADY_EXISTS, "Feature '" + id + "' is already assigned to this contact centre");
            }
            core.commit("the feature", db -> {
                FeatureStore.insert(db, List.of(id));
                return null;
            });
            assigned.add(id);
            return null;
        });
        return Created.reply(id, urls.api(path(id)), path(id));
    }

    private Map<String, Object> unassign(ApiRequest request) {
        Access.role(request, Access.ADMIN);
        String id = request.path("id");
        core.write(() -> {
            assignedFeature(id);
            core.commit("the feature's removal", db -> {
                FeatureStore.delete(db, id);
                return null;
            });
            assigned.remove(id);
            return null;
        });
        return Reply.ok();
    }

    private String assignedFeature(String id) {
        if (!assigned.contains(id)) {
            throw new GwsException(StatusCode.NOT_FOUND, "Feature '" + id + "' is not assigned to this contact centre");
        }
        return id;
    }

    /** The features assigned now, as resources, in the order listed. */
    List<FeatureResource> assignedResources() {
        return KNOWN.keySet().stream().filter(assigned::contains).map(this::resource).toList();
    }

    private FeatureResource resource(String id) {
        String[] names = KNOWN.getOrDefault(id, new String[] {id, ""});
        return new FeatureResource(id, names[0], names[1], true, urls.api(path(id)), path(id));
    }

    private static String path(String id) {
        return "/features/" + id;
    }

    private static Map<String, String[]> known() {
        Map<String, String[]> known = new LinkedHashMap<>();
        known.put("api-voice", new String[] {"Voice", "Calls, devices and agent states (the Voice API)"});
        known.put("api-supervisor-monitoring", new String[] {"Supervisor monitoring", "ListenIn, Coach and BargeIn on agents' calls"});
        known.put("api-voice-recording", new String[] {"Call recording", "Start, pause, resume and stop call recording"});
        known.put("api-ucs-voice", new String[] {"UCS for voice", "Call notes and completion of voice interactions"});
        known.put(Access.READ, new String[] {"Provisioning (read)", "Read users and devices: GET /users, /devices"});
        known.put(Access.WRITE, new String[] {"Provisioning (write)", "Create, change and delete users and devices"});
        return known;
    }
}
