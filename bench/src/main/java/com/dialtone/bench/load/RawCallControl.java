package com.dialtone.bench.load;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The raw CometD baseline's stand-in for REST: the agent asks over its own CometD session
 * ({@link RawCometdServer#SERVICE}) and the server answers with deliveries, no REST and no switch.
 */
final class RawCallControl implements CallControl {

    @Override
    public void dial(Agent agent, Consumer<String> reply) {
        send(agent, Map.of("operation", "dial"), reply);
    }

    @Override
    public void hangup(Agent agent, String callId, Consumer<String> reply) {
        send(agent, Map.of("operation", "hangup", "callId", callId), reply);
    }

    private static void send(Agent agent, Map<String, Object> data, Consumer<String> reply) {
        agent.cometd.getChannel(RawCometdServer.SERVICE).publish(data,
                message -> reply.accept(message.isSuccessful() ? null : String.valueOf(message)));
    }
}
