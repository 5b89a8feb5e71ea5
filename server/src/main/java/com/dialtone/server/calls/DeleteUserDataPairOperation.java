package com.dialtone.server.calls;

import com.dialtone.server.http.Params;
import com.dialtone.switching.Switch;
import java.util.concurrent.CompletableFuture;

/** Removes the user data {@code key} from the call. */
final class DeleteUserDataPairOperation implements CallOperation {

    private final Switch telephony;

    DeleteUserDataPairOperation(Switch telephony) {
        this.telephony = telephony;
    }

    @Override
    public String name() {
        return "DeleteUserDataPair";
    }

    @Override
    public CompletableFuture<?> perform(CallView call, Params params) {
        return telephony.deleteUserDataPair(call.id(), call.dn(), params.requiredText("key"));
    }
}
