package com.dialtone.server.http;

/**
 * A request that never reached the switch because the link to it is down (the test lab's fault,
 * docs/test-lab.md): a switch request's future fails with it, and {@link SwitchResults} answers what GWS
 * answers when it cannot reach T-Server.
 */
public final class SwitchUnreachable extends RuntimeException {

    public SwitchUnreachable() {
        super("the link to the switch is down", null, false, false);
    }
}
