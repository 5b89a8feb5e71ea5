package com.dialtone.server.provisioning;

import com.dialtone.server.auth.PasswordHasher;
import com.dialtone.server.auth.User;
import com.dialtone.server.auth.Users;
import com.dialtone.server.directory.Device;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Creating, changing and deleting users, and a user changing their own password. Each change is stored,
 * then takes effect at once: a new user can log in, a deleted or disabled one is logged out everywhere,
 * new routing points route the user's next calls.
 */
final class UserProvisioning {

    private final Provisioning core;

    UserProvisioning(Provisioning core) {
        this.core = core;
    }

    User create(UserChanges changes) {
        String hash = PasswordHasher.hash(changes.password().toCharArray()); // slow on purpose: outside the lock
        return core.write(() -> {
            if (users().byName(changes.userName()).isPresent()) {
                throw new GwsException(StatusCode.ALREADY_EXISTS, "Failed to create user. User '" + changes.userName() + "' already exists.");
            }
            User user = changes.create(UUID.randomUUID().toString().replace("-", ""), hash);
            core.commit("the new user", db -> {
                UserStore.insert(db, user);
                return null;
            });
            users().put(user);
            return user;
        });
    }

    User update(String id, UserChanges changes, User caller) {
        String hash = changes.password() == null ? null : PasswordHasher.hash(changes.password().toCharArray());
        return core.write(() -> {
            User old = existing(id);
            User updated = changes.applyTo(old, hash);
            if (!updated.userName().equals(old.userName()) && users().byName(updated.userName()).isPresent()) {
                throw new GwsException(StatusCode.ALREADY_EXISTS, "Failed to update user. User '" + updated.userName() + "' already exists.");
            }
            if (old.id().equals(caller.id()) && !updated.enabled()) {
                throw new GwsException(StatusCode.FORBIDDEN, "You cannot disable yourself; another administrator can");
            }
            if (old.id().equals(caller.id()) && !updated.hasRole(Access.ADMIN)) {
                throw new GwsException(StatusCode.FORBIDDEN, "You cannot take " + Access.ADMIN + " from yourself; another administrator can");
            }
            core.commit("the user's changes", db -> {
                UserStore.update(db, updated);
                return null;
            });
            users().put(updated);
            List<Device> owned = core.devices().ownedBy(id);
            boolean rerouted = !updated.routingPoints().equals(old.routingPoints()) || !Objects.equals(updated.wrapUpTime(), old.wrapUpTime());
            if (rerouted) {
                core.thenSwitch(() -> owned.forEach(core::route), db -> {
                    UserStore.update(db, old);
                    return null;
                }, () -> {
                    users().put(old);
                    owned.forEach(core::tryRoute);
                });
            }
            if (old.enabled() && !updated.enabled()) {
                core.endSessionsOf(id);
                owned.forEach(device -> core.logOut(device.phoneNumber()));
            } else if (hash != null) {
                core.endSessionsOf(id); // whoever logged in with the old password is out; the agent stays logged in
            }
            return updated;
        });
    }

    /** Deletes the user; their devices stay, unassigned, with no routing. */
    void delete(String id, User caller) {
        core.write(() -> {
            User user = existing(id);
            if (user.id().equals(caller.id())) {
                throw new GwsException(StatusCode.FORBIDDEN, "You cannot delete yourself; another administrator can");
            }
            List<Device> owned = core.devices().ownedBy(id);
            for (Device device : owned) {
                Optional<String> why = core.inUse(device.phoneNumber());
                if (why.isPresent()) {
                    throw new GwsException(StatusCode.IN_USE, "User '" + user.userName() + "' cannot be deleted now: their device " + why.get());
                }
            }
            core.commit("the deletion of the user", db -> {
                UserStore.delete(db, id); // the database unassigns their devices
                return null;
            });
            users().remove(id);
            core.endSessionsOf(id);
            List<Device> freed = owned.stream().map(d -> new Device(d.id(), d.phoneNumber(), null)).toList();
            core.thenSwitch(() -> freed.forEach(device -> {
                core.logOut(device.phoneNumber());
                core.route(device);
            }), db -> {
                UserStore.insert(db, user);
                for (Device device : owned) {
                    DeviceStore.update(db, device);
                }
                return null;
            }, () -> {
                users().put(user);
                owned.forEach(core::tryRoute);
            });
            freed.forEach(core.devices()::put);
            return null;
        });
    }

    /**
     * The user changes their own password, proving they know the old one; this also satisfies
     * {@code changePasswordOnFirstLogin}.
     */
    void changeOwnPassword(String id, String oldPassword, String newPassword, String httpSessionId) {
        if (newPassword.isEmpty()) {
            throw GwsException.invalid("newPassword", "must not be empty");
        }
        if (newPassword.equals(oldPassword)) {
            throw GwsException.invalid("newPassword", "must differ from the old password");
        }
        String hash = PasswordHasher.hash(newPassword.toCharArray());
        core.write(() -> {
            User user = existing(id);
            if (!PasswordHasher.verify(oldPassword.toCharArray(), user.passwordHash())) {
                throw new GwsException(StatusCode.INVALID_STATE, "The old password is wrong; the password was not changed");
            }
            User changed = user.withPasswordHash(hash, false);
            core.commit("the new password", db -> {
                UserStore.update(db, changed);
                return null;
            });
            users().put(changed);
            core.endSessionsOf(id, httpSessionId);
            return null;
        });
    }

    User existing(String id) {
        return users().byId(id).orElseThrow(() -> GwsException.notFound("User " + id));
    }

    private Users users() {
        return core.users();
    }
}
