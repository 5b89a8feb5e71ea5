package com.dialtone.server.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every device, by id, by DN and by owner. Reads never wait: a change (provisioning, rare) builds a new
 * index and swaps it in, so the notification path always sees one consistent set.
 */
public final class Devices {

    private volatile Index index;

    public Devices(Collection<Device> devices) {
        index = new Index(List.copyOf(devices));
    }

    public Optional<Device> byId(String id) {
        return Optional.ofNullable(index.byId.get(id));
    }

    public Optional<Device> byDn(String dn) {
        return Optional.ofNullable(index.byDn.get(dn));
    }

    /** The user's devices, in the order they were added. */
    public List<Device> ownedBy(String userId) {
        // Looked up on every call operation: an index, not a scan of every device.
        return index.byOwner.getOrDefault(userId, List.of());
    }

    /** The device with this id if the user owns it; another user's device looks exactly like a missing one. */
    public Optional<Device> ownedBy(String userId, String deviceId) {
        return byId(deviceId).filter(d -> d.isOwnedBy(userId));
    }

    public Collection<Device> all() {
        return index.byId.values();
    }

    /** Adds the device, or replaces the one with the same id. */
    public synchronized void put(Device device) {
        Map<String, Device> next = new LinkedHashMap<>(index.byId);
        next.put(device.id(), device);
        index = new Index(next.values());
    }

    public synchronized void remove(String id) {
        Map<String, Device> next = new LinkedHashMap<>(index.byId);
        next.remove(id);
        index = new Index(next.values());
    }

    private static final class Index {
        final Map<String, Device> byId = new LinkedHashMap<>();
        final Map<String, Device> byDn = new LinkedHashMap<>();
        final Map<String, List<Device>> byOwner;

        Index(Collection<Device> devices) {
            Map<String, List<Device>> owned = new HashMap<>();
            for (Device device : devices) {
                if (device.ownerId() != null) {
                    owned.computeIfAbsent(device.ownerId(), owner -> new ArrayList<>()).add(device);
                }
                if (byId.put(device.id(), device) != null) {
                    throw new IllegalArgumentException("two devices have the id " + device.id());
                }
                if (byDn.put(device.phoneNumber(), device) != null) {
                    throw new IllegalArgumentException("two devices have the phone number " + device.phoneNumber());
                }
            }
            owned.replaceAll((owner, list) -> List.copyOf(list));
            byOwner = owned;
        }
    }
}
