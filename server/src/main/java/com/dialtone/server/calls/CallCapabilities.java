package com.dialtone.server.calls;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a client may do with a call now: the {@code capabilities} of every call resource, and the check
 * every operation request passes. Computed here and only here, so what is advertised and what is
 * accepted cannot drift apart (GWS 8.5 reference §8.1).
 */
public final class CallCapabilities {

    private static final Set<Operation> USER_DATA =
            EnumSet.of(Operation.DeleteUserData, Operation.AttachUserData, Operation.DeleteUserDataPair, Operation.UpdateUserData);

    /** Every call operation, in the order GWS lists capabilities (as in its Dial, Answer and Hold samples). */
    enum Operation {
        Answer, SendDtmf, DeleteUserData, AttachUserData, DeleteUserDataPair, Hangup, UpdateUserData
    }

    private CallCapabilities() {
    }

    public static List<String> of(CallView view) {
        Set<Operation> allowed = EnumSet.noneOf(Operation.class);
        switch (view.state()) {
            case DIALING, ESTABLISHED -> {
                allowed.add(Operation.SendDtmf);
                allowed.addAll(USER_DATA);
                allowed.add(Operation.Hangup);
            }
            case RINGING -> {
                allowed.add(Operation.Answer);
                allowed.addAll(USER_DATA);
                allowed.add(Operation.Hangup);
            }
            case HELD -> {
                allowed.addAll(USER_DATA);
                allowed.add(Operation.Hangup);
            }
            case RELEASED -> {
            }
        }
        return allowed.stream().map(Enum::name).toList();
    }
}
