package com.dialtone.server.devices;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every device, by id, by DN and by owner. */
public final class Devices {

    private final Map<String, Device> byId = new LinkedHashMap<>();
    private final Map<String, Device> byDn = new LinkedHashMap<>();

    public Devices(Collection<Device> devices) {
        for (Device device : devices) {
            if (byId.put(device.id(), device) != null) {
                throw new IllegalArgumentException("two devices have the id " + device.id());
            }
            if (byDn.put(device.phoneNumber(), device) != null) {
                throw new IllegalArgumentException("two devices have the phone number " + device.phoneNumber());
            }
        }
    }

    public Optional<Device> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Device> byDn(String dn) {
        return Optional.ofNullable(byDn.get(dn));
    }

    /** The user's devices, in configuration order. */
    public List<Device> ownedBy(String userId) {
        return byId.values().stream().filter(d -> d.ownerId().equals(userId)).toList();
    }

    /** The device with this id if the user owns it; another user's device looks exactly like a missing one. */
    public Optional<Device> ownedBy(String userId, String deviceId) {
        return byId(deviceId).filter(d -> d.ownerId().equals(userId));
    }

    public Collection<Device> all() {
        return byId.values();
    }
}
