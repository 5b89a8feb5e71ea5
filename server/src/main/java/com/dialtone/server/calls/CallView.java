package com.dialtone.server.calls;

import com.dialtone.server.devices.Device;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;

/** A call as one device sees it: the GWS call resource is always someone's view of a call. */
public record CallView(CallSnapshot call, Device device) {

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
}
