package com.dialtone.server.provisioning;

import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;
import com.dialtone.switching.SwitchRejection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creating, assigning, renumbering and deleting devices. Each change is stored, then takes effect at once
 * on the switch: a new DN can dial and be dialled, a deleted one is gone, a device that changes hands
 * takes its new owner's routing points (an unassigned one none).
 */
final class DeviceProvisioning {

    private static final Pattern DN = Pattern.compile("[0-9]{1,32}");

    private final Provisioning core;
    private final Set<String> externalNumbers;

    /** @param externalNumbers the dial plan's numbers, which are never DNs */
    DeviceProvisioning(Provisioning core, Set<String> externalNumbers) {
        this.core = core;
        this.externalNumbers = Set.copyOf(externalNumbers);
    }

    /** Checks a phone number a device could have; whether a device has it already is for the caller. */
    String checkNumber(String number) {
        if (!DN.matcher(number).matches()) {
            throw GwsException.invalid("phoneNumber", "must be 1 to 32 digits, was '" + number + "'");
        }
        if (core.isRoutingPoint(number)) {
            throw GwsException.invalid("phoneNumber", number + " is a routing point; a device needs a number of its own");
        }
        if (externalNumbers.contains(number)) {
            throw GwsException.invalid("phoneNumber", number + " is an external number of the dial plan; a device needs a number of its own");
        }
        return number;
    }

    /** A new device with this number, unassigned or assigned to the owner. */
    Device create(String number, String ownerId) {
        return core.write(() -> {
            if (devices().byDn(number).isPresent()) {
                throw new GwsException(StatusCode.ALREADY_EXISTS, "Failed to create device. Device with phone number " + number + " already exists.");
            }
            Device device = new Device(UUID.randomUUID().toString(), number, ownerId);
            core.commit("the new device", db -> {
                DeviceStore.insert(db, device);
                return null;
            });
            core.thenSwitch(() -> {
                core.await(core.telephony().addDn(number));
                core.route(device);
            }, db -> {
                DeviceStore.delete(db, device.id());
                return null;
            }, () -> core.tryAwait(core.telephony().removeDn(number)));
            devices().put(device); // only now: a device in the registry always has its DN on the switch
            return device;
        });
    }

    /**
     * Gives the user the device with this number: a new one, or the existing one, which is removed from its
     * previous owner (GWS's "create and assign"). Refused while the device is in a call: the call would
     * change hands halfway.
     */
    Device assign(String number, String ownerId) {
        return core.write(() -> {
            Device existing = devices().byDn(number).orElse(null);
            if (existing == null) {
                return create(number, ownerId);
            }
            if (existing.isOwnedBy(ownerId)) {
                return existing;
            }
            Optional<String> why = core.inUse(number);
            if (why.isPresent()) {
                throw new GwsException(StatusCode.IN_USE, "Device " + number + " cannot change hands now: " + why.get());
            }
            Device moved = new Device(existing.id(), number, ownerId);
            core.commit("the device's new owner", db -> {
                DeviceStore.update(db, moved);
                return null;
            });
            core.thenSwitch(() -> {
                // The previous owner's agent login is theirs, not the device's. The routing request that
                // follows also waits until the logout's notification has gone to the previous owner.
                core.logOut(number);
                core.route(moved);
            }, db -> {
                DeviceStore.update(db, existing);
                return null;
            }, () -> core.tryRoute(existing));
            devices().put(moved);
            return moved;
        });
    }

    /** Gives the device another number. The switch refuses to remove a DN in use, atomically, so it is asked first. */
    Device renumber(String id, String number) {
        return core.write(() -> {
            Device device = existing(id);
            if (device.phoneNumber().equals(number)) {
                return device;
            }
            if (devices().byDn(number).isPresent()) {
                throw new GwsException(StatusCode.ALREADY_EXISTS, "Failed to update device. Device with phone number " + number + " already exists.");
            }
            Device renumbered = new Device(id, number, device.ownerId());
            core.await(core.telephony().addDn(number));
            removeDn(device, "renumbered", () -> core.tryAwait(core.telephony().removeDn(number)));
            try {
                core.route(renumbered);
                devices().put(renumbered);
                core.commit("the device's new number", db -> {
                    DeviceStore.update(db, renumbered);
                    return null;
                });
            } catch (RuntimeException e) {
                core.tryAwait(core.telephony().addDn(device.phoneNumber()));
                core.tryRoute(device);
                devices().put(device);
                core.tryAwait(core.telephony().removeDn(number));
                throw e;
            }
            return renumbered;
        });
    }

    /** Deletes the device; its DN leaves the switch first, which refuses while it is in use. */
    void delete(String id) {
        core.write(() -> {
            Device device = existing(id);
            removeDn(device, "deleted", () -> { });
            devices().remove(id);
            try {
                core.commit("the deletion of the device", db -> {
                    DeviceStore.delete(db, id);
                    return null;
                });
            } catch (RuntimeException e) {
                core.tryAwait(core.telephony().addDn(device.phoneNumber()));
                core.tryRoute(device);
                devices().put(device);
                throw e;
            }
            return null;
        });
    }

    Device existing(String id) {
        return devices().byId(id).orElseThrow(() -> GwsException.notFound("Device " + id));
    }

    /** Removes the device's DN from the switch; a DN in use is refused with statusCode 19, after {@code undo}. */
    private void removeDn(Device device, String what, Runnable undo) {
        try {
            core.await(core.telephony().removeDn(device.phoneNumber()));
        } catch (SwitchRejection rejection) {
            undo.run();
            if (rejection.reason() == SwitchRejection.Reason.NOT_ALLOWED_IN_STATE) {
                throw new GwsException(StatusCode.IN_USE, "Device " + device.phoneNumber() + " cannot be " + what + " now: " + rejection.getMessage());
            }
            throw rejection;
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    private Devices devices() {
        return core.devices();
    }
}
