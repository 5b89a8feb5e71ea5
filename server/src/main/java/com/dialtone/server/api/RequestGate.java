package com.dialtone.server.api;

import com.dialtone.server.auth.User;

/**
 * What may stand between an authenticated request and its handler: the test lab's faults
 * (docs/test-lab.md, "Faults") refuse a user's next operations or slow their replies. The API knows
 * nothing of faults; the servlet asks this before the handler runs and before the reply goes out.
 */
public interface RequestGate {

    /** No faults: every request goes through at once. */
    RequestGate OPEN = new RequestGate() {
        @Override
        public void admit(User user, String method, String path) {
        }

        @Override
        public void beforeReply(User user) {
        }
    };

    /**
     * Before the handler runs (so that a refused request changes nothing): throws a
     * {@link com.dialtone.server.http.GwsException} to refuse it.
     */
    void admit(User user, String method, String path);

    /** Once the reply is ready, before it is written (a refusal's too): may hold it back for a while. */
    void beforeReply(User user);
}
