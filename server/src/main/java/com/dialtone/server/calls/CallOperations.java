package com.dialtone.server.calls;

import com.dialtone.server.auth.User;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.Reply;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.Switch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /api/v2/me/calls/{id}}: finds the operation, the call and whether the operation is among
 * the call's capabilities, in that order, before the first thing that changes anything.
 */
public final class CallOperations {

    private final Map<String, CallOperation> byName;
    private final UserCalls calls;

    public CallOperations(Switch telephony, UserCalls calls) {
        this(List.of(
                new AnswerOperation(telephony),
                new HangupOperation(telephony),
                new SendDtmfOperation(telephony),
                new AttachUserDataOperation(telephony),
                new UpdateUserDataOperation(telephony),
                new DeleteUserDataOperation(telephony),
                new DeleteUserDataPairOperation(telephony)), calls);
    }

    CallOperations(List<CallOperation> operations, UserCalls calls) {
        this.byName = operations.stream().collect(Collectors.toUnmodifiableMap(CallOperation::name, Function.identity()));
        this.calls = calls;
    }

    public Map<String, Object> perform(User user, String callId, JsonNode body) {
        Params params = Params.of(body);
        String name = params.requiredText("operationName");
        CallOperation operation = byName.get(name);
        if (operation == null) {
            throw new GwsException(StatusCode.INVALID_INPUT, "Unknown operationName '" + name + "' for a call; known: "
                    + String.join(", ", byName.keySet().stream().sorted().toList()));
        }
        CallView call = calls.find(user, callId);
        List<String> capabilities = CallCapabilities.of(call);
        if (!capabilities.contains(name)) {
            throw new GwsException(StatusCode.INVALID_STATE, name + " is not available while the call is "
                    + CallMapper.stateName(call.state()) + "; available: " + String.join(", ", capabilities));
        }
        SwitchResults.await(operation.perform(call, params));
        return Reply.ok();
    }

    /** The names of every operation this server performs on calls. */
    public Set<String> names() {
        return byName.keySet();
    }
}
