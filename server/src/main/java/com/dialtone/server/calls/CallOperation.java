package com.dialtone.server.calls;

import com.dialtone.server.http.Params;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/** One GWS operation on a call ({@code POST /api/v2/me/calls/{id}}), named as GWS names it. */
public interface CallOperation {

    /** The {@code operationName}, such as {@code Answer}. */
    String name();

    /**
     * Reads and checks the operation's own parameters, then sends the request to the switch. Called only
     * when the operation is among the call's capabilities.
     *
     * @return the switch's acceptance of the request
     */
    CompletableFuture<?> perform(CallView call, Params params);

    static CallOperation of(String name, BiFunction<CallView, Params, CompletableFuture<?>> perform) {
        return new CallOperation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletableFuture<?> perform(CallView call, Params params) {
                return perform.apply(call, params);
            }
        };
    }
}
