package com.dialtone.server.calls;

import com.dialtone.server.directory.Device;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import java.util.List;
import java.util.Optional;

/**
 * A call as one device sees it: the GWS call resource is always someone's view of a call. It knows the
 * device's other live calls too, because what can be done with a call depends on them (a consult call
 * to complete, a held call to swap with).
 *
 * @param others the device's other calls in which it is still a party
 */
public record CallView(CallSnapshot call, Device device, List<CallSnapshot> others) {

    public CallView {
        others = List.copyOf(others);
    }

    /** The view of {@code call} among all of the device's calls. */
    public static CallView of(CallSnapshot call, Device device, List<CallSnapshot> deviceCalls) {
        return new CallView(call, device, deviceCalls.stream().filter(c -> !c.id().equals(call.id())).toList());
    }

    public String id() {
        return call.id();
    }

    public String dn() {
        return device.phoneNumber();
    }

    public PartySnapshot party() {
        return call.party(dn()).orElseThrow(() -> new IllegalStateException(dn() + " is not a party of call " + call.id()));
    }

    public PartyState state() {
        return party().state();
    }

    /** The device's state in another of its calls. */
    public PartyState stateIn(CallSnapshot other) {
        return other.party(dn()).map(PartySnapshot::state).orElse(PartyState.RELEASED);
    }

    /**
     * The other half of a consultation: the consult call this device made about this call, or the call
     * this consult call is about.
     */
    public Optional<CallSnapshot> consultPartner() {
        return others.stream()
                .filter(other -> call.id().equals(other.parentCallId()) || other.id().equals(call.parentCallId()))
                .findFirst();
    }

    /** Another call of the device in the given state. */
    public Optional<CallSnapshot> otherIn(PartyState state) {
        return others.stream().filter(other -> stateIn(other) == state).findFirst();
    }
}
