package com.dialtone.server.provisioning;

import com.dialtone.server.api.Route;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.http.Reply;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v2/settings}: the contact centre's settings groups, for anyone logged in to read. Dialtone
 * has {@code general-settings} (country), as GWS's sample shows it.
 */
final class SettingsResource {

    private final Map<String, Map<String, String>> settings;
    private final PublicUrls urls;

    SettingsResource(Map<String, Map<String, String>> settings, PublicUrls urls) {
        this.settings = settings;
        this.urls = urls;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/settings", request -> Reply.ok("uris", settings.keySet().stream().sorted()
                        .map(group -> urls.api("/settings/" + group)).toList())),
                Route.get("/settings/{group}", request -> {
                    Map<String, String> group = settings.get(request.path("group"));
                    if (group == null) {
                        throw GwsException.notFound("Settings group '" + request.path("group") + "'");
                    }
                    return Reply.ok("settings", group);
                }));
    }
}
