package com.dialtone.server.calls;

import com.dialtone.server.http.Params;
import com.dialtone.switching.Switch;
import java.util.concurrent.CompletableFuture;

/** Adds {@code userData} pairs to the call, replacing keys that are there. */
final class UpdateUserDataOperation implements CallOperation {

    private final Switch telephony;

    UpdateUserDataOperation(Switch telephony) {
        this.telephony = telephony;
    }

    @Override
    public String name() {
        return "UpdateUserData";
    }

    @Override
    public CompletableFuture<?> perform(CallView call, Params params) {
        return telephony.updateUserData(call.id(), call.dn(), params.requiredUserData("userData"));
    }
}
