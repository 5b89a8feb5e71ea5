package com.dialtone.server.calls;

import com.dialtone.server.auth.User;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.GwsException;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.Switch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The calls a user may see: those with a party on one of the user's devices. */
public final class UserCalls {

    private final Switch telephony;
    private final Devices devices;

    public UserCalls(Switch telephony, Devices devices) {
        this.telephony = telephony;
        this.devices = devices;
    }

    public List<CallView> of(User user) {
        List<CallView> views = new ArrayList<>();
        for (Device device : devices.ownedBy(user.id())) {
            views.addAll(viewsAt(device));
        }
        return views;
    }

    /**
     * The user's view of a call.
     *
     * @throws GwsException {@code statusCode} 6 when there is no such call or the user is not on it:
     *                      another user's call looks exactly like a missing one
     */
    public CallView find(User user, String callId) {
        Optional<CallSnapshot> call = telephony.call(callId);
        if (call.isPresent()) {
            for (Device device : devices.ownedBy(user.id())) {
                if (call.get().party(device.phoneNumber()).filter(PartySnapshot::isActive).isPresent()) {
                    return CallView.of(call.get(), device, telephony.callsAt(device.phoneNumber()));
                }
            }
        }
        throw GwsException.notFound("Call " + callId);
    }

    /** The device's view of each of its calls, oldest first. */
    public List<CallView> viewsAt(Device device) {
        List<CallSnapshot> calls = telephony.callsAt(device.phoneNumber());
        return calls.stream().map(call -> CallView.of(call, device, calls)).toList();
    }
}
