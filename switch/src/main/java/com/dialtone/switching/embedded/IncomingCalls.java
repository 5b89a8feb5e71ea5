package com.dialtone.switching.embedded;

import com.dialtone.switching.CallType;
import com.dialtone.switching.Numbers;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import com.dialtone.switching.endpoint.Endpoint;

/**
 * Calls that arrive from outside, carried by an endpoint: a SIP trunk's INVITE, a simulated customer. The
 * caller's device is calling already, so its leg is not asked to dial. Confined to the switch loop.
 */
final class IncomingCalls {

    private final Calls calls;
    private final Destinations destinations;

    IncomingCalls(Calls calls, Destinations destinations) {
        this.calls = calls;
        this.destinations = destinations;
    }

    /**
     * The external number {@code from} calls a routing point or a DN of this switch.
     *
     * @param attachment what the caller's leg carries for its endpoint from the start
     */
    Call fromOutside(Endpoint endpoint, String from, String to, UserData userData, Object attachment, Change change) {
        requireOutsideCall(from, to);
        Destinations.Destination target = destinations.of(null, to);
        if (target.number().equals(from)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, to + " forwards its calls to " + from + ", the caller");
        }
        Call call = calls.create(CallType.INBOUND, from, to, null, null, userData == null ? UserData.empty() : userData, change);
        call.joinCaller(from, false, endpoint, attachment, change);
        destinations.ring(call, target, null, change);
        return call;
    }

    /** Refuses a call from a number of this switch, or to a number outside it. */
    void requireOutsideCall(String from, String to) {
        if (from == null || !Numbers.isDiallable(from) || destinations.isInside(from)) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a customer calls from an external number, not '" + from + "'");
        }
        if (to == null || !destinations.isInside(to)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, "a customer calls a routing point or a DN, not '" + to + "'");
        }
    }
}
