package com.dialtone.server.workspace;

import com.dialtone.server.api.Route;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Reply;
import java.util.List;

/**
 * {@code GET /api/v2/workbins}: an agent's workbins hold open-media interactions (e-mail drafts and the
 * like), which need UCS and Interaction Server. Dialtone has neither, so an agent has no workbins: an empty
 * list (WWE then asks for no contents) and 404 for any one, rather than GWS's 503 for contents it cannot
 * reach.
 */
public final class WorkbinsResource {

    public List<Route> routes() {
        return List.of(Route.get("/workbins", request -> Reply.ok("workbins", List.of())),
                Route.get("/workbins/{id}", request -> {
                    throw GwsException.notFound("Workbin " + request.path("id") + " (Dialtone serves no open media)");
                }));
    }
}
