package com.dialtone.server.e2e;

import com.dialtone.server.DialtoneServer;
import com.dialtone.server.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;

/** A real Dialtone server on a free port, with the demo contact centre and any overrides given. */
final class GwsServer implements AutoCloseable {

    /** The demo, but an unanswered external number gives up after 2 s instead of 30 s. */
    static final String TEST_DEFAULTS = "server: {port: 0}\ndialPlan: {noAnswerTimeout: 2s}\n";

    final DialtoneServer server;

    private GwsServer(DialtoneServer server) {
        this.server = server;
    }

    static GwsServer start(String... overlays) {
        List<String> all = new ArrayList<>();
        all.add(TEST_DEFAULTS);
        all.addAll(List.of(overlays));
        try {
            return new GwsServer(new DialtoneServer(ConfigLoader.load(all)).start());
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    /** What URIs in replies start with: http://127.0.0.1:40123, or server.publicBaseUrl when set. */
    String base() {
        return server.baseUrl();
    }

    /** Where to connect to, e.g. http://127.0.0.1:40123. */
    String local() {
        return server.localUrl();
    }

    String api(String path) {
        return local() + "/api/v2" + path;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
