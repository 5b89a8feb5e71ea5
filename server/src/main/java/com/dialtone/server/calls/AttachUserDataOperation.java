package com.dialtone.server.calls;

import com.dialtone.server.http.Params;
import com.dialtone.switching.Switch;
import java.util.concurrent.CompletableFuture;

/** Adds {@code userData} pairs to the call. */
final class AttachUserDataOperation implements CallOperation {

    private final Switch telephony;

    AttachUserDataOperation(Switch telephony) {
        this.telephony = telephony;
    }

    @Override
    public String name() {
        return "AttachUserData";
    }

    @Override
    public CompletableFuture<?> perform(CallView call, Params params) {
        return telephony.attachUserData(call.id(), call.dn(), params.requiredUserData("userData"));
    }
}
