package com.dialtone.bench.load;

import java.util.function.Consumer;

/**
 * How an agent asks for its call to be made and ended: Dialtone's REST operations, or, for the raw CometD
 * baseline, a message to the server over the same CometD session. The reply callback gets null on
 * success, else what went wrong.
 */
interface CallControl {

    void dial(Agent agent, Consumer<String> reply);

    void hangup(Agent agent, String callId, Consumer<String> reply);
}
