package com.dialtone.server.calls;

import com.dialtone.server.http.Params;
import com.dialtone.switching.Switch;
import java.util.concurrent.CompletableFuture;

/** Leaves the call; a two-party call ends for both. */
final class HangupOperation implements CallOperation {

    private final Switch telephony;

    HangupOperation(Switch telephony) {
        this.telephony = telephony;
    }

    @Override
    public String name() {
        return "Hangup";
    }

    @Override
    public CompletableFuture<?> perform(CallView call, Params params) {
        return telephony.release(call.id(), call.dn());
    }
}
