package com.dialtone.server.calls;

import com.dialtone.server.http.Params;
import com.dialtone.switching.Switch;
import java.util.concurrent.CompletableFuture;

/** Removes all of the call's user data. */
final class DeleteUserDataOperation implements CallOperation {

    private final Switch telephony;

    DeleteUserDataOperation(Switch telephony) {
        this.telephony = telephony;
    }

    @Override
    public String name() {
        return "DeleteUserData";
    }

    @Override
    public CompletableFuture<?> perform(CallView call, Params params) {
        return telephony.deleteUserData(call.id(), call.dn());
    }
}
