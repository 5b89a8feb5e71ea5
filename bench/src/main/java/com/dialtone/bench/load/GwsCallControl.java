package com.dialtone.bench.load;

import java.util.function.Consumer;

/** Dialtone's GWS operations over REST: Dial on the agent's device, Hangup on the call. */
final class GwsCallControl implements CallControl {

    private final Clients clients;
    private final String api;
    private final String dial;

    GwsCallControl(Clients clients, String api, String destination) {
        this.clients = clients;
        this.api = api;
        this.dial = "{\"operationName\":\"Dial\",\"destination\":{\"phoneNumber\":\"" + destination + "\"}}";
    }

    @Override
    public void dial(Agent agent, Consumer<String> reply) {
        clients.post(api + "/me/devices/" + agent.deviceId + "/calls", agent.sessionCookie, dial, reply);
    }

    @Override
    public void hangup(Agent agent, String callId, Consumer<String> reply) {
        clients.post(api + "/me/calls/" + callId, agent.sessionCookie, "{\"operationName\":\"Hangup\"}", reply);
    }
}
