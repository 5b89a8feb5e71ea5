package com.dialtone.server.calls;

import com.dialtone.server.http.Params;
import com.dialtone.switching.Switch;
import java.util.concurrent.CompletableFuture;

/** Answers a ringing call. */
final class AnswerOperation implements CallOperation {

    private final Switch telephony;

    AnswerOperation(Switch telephony) {
        this.telephony = telephony;
    }

    @Override
    public String name() {
        return "Answer";
    }

    @Override
    public CompletableFuture<?> perform(CallView call, Params params) {
        return telephony.answer(call.id(), call.dn());
    }
}
