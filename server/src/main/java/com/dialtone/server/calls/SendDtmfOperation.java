package com.dialtone.server.calls;

import com.dialtone.server.http.Params;
import com.dialtone.switching.Switch;
import java.util.concurrent.CompletableFuture;

/** Sends DTMF {@code digits} into the call. */
final class SendDtmfOperation implements CallOperation {

    private final Switch telephony;

    SendDtmfOperation(Switch telephony) {
        this.telephony = telephony;
    }

    @Override
    public String name() {
        return "SendDtmf";
    }

    @Override
    public CompletableFuture<?> perform(CallView call, Params params) {
        return telephony.sendDtmf(call.id(), call.dn(), params.requiredText("digits"));
    }
}
