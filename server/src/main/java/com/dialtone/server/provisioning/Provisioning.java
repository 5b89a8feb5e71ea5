package com.dialtone.server.provisioning;

import com.dialtone.server.auth.User;
import com.dialtone.server.auth.Users;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.SwitchResults;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.StatusCode;
import com.dialtone.server.storage.Database;
import com.dialtone.switching.AgentState;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.Switch;
import com.dialtone.switching.SwitchRejection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every provisioning change shares: one lock, so changes never interleave and what the registries
 * say is what the database has; the database transaction, committed before anything else changes; and
 * the switch, told afterwards so the change takes effect at once.
 *
 * <p>The order is always: check everything against the registries (under the lock they match the
 * database), commit, then update the registries and the switch. A switch that refuses after the commit
 * (it should not: the checks came first) has the commit undone. Removing a DN is the exception: the switch
 * is asked first, because only it can refuse atomically a DN that a call has just reached.
 */
final class Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final StoredContactCenter stored;
    private final Switch telephony;
    private final Set<String> routingPoints;
    private final BiConsumer<String, String> endSessions;

    /**
     * @param routingPoints the configured routing point numbers
     * @param endSessions   ends every HTTP and CometD session of a user (the first) but those of one HTTP session (the second, or null)
     */
    Provisioning(StoredContactCenter stored, Switch telephony, Set<String> routingPoints, BiConsumer<String, String> endSessions) {
        this.stored = stored;
        this.telephony = telephony;
        this.routingPoints = Set.copyOf(routingPoints);
        this.endSessions = endSessions;
    }

    Users users() {
        return stored.users();
    }

    Devices devices() {
        return stored.devices();
    }

    Switch telephony() {
        return telephony;
    }

    StoredContactCenter stored() {
        return stored;
    }

    /** Runs one change, alone. */
    <T> T write(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs the database part of a change in one transaction; if it fails, nothing changed and the client gets statusCode 4. */
    void commit(String what, Database.Work<?> work) {
        try {
            stored.database().inTransaction(work);
        } catch (SQLException e) {
            LOG.error("could not store {}", what, e);
            throw new GwsException(StatusCode.INTERNAL_ERROR, "Could not store " + what + " in the database; nothing changed");
        }
    }

    /**
     * Tells the switch of a change the database has committed. If the switch refuses, the database change
     * is undone and the registries restored, and the client is told.
     */
    void thenSwitch(Runnable switchPart, Database.Work<?> undo, Runnable restore) {
        try {
            switchPart.run();
        } catch (SwitchRejection | GwsException e) {
            LOG.error("the switch refused a provisioning change the database had stored; undoing it", e);
            commit("the undoing of a change the switch refused", undo);
            restore.run();
            throw new GwsException(StatusCode.INTERNAL_ERROR, "The switch refused the change (" + e.getMessage() + "); it was undone");
        }
    }

    /** Waits for the switch to take a request; a refusal comes back as the {@link SwitchRejection} itself. */
    void await(CompletableFuture<?> request) {
        SwitchResults.awaitAccepted(request);
    }

    /** For undoing: a request whose refusal changes nothing more (it is logged). */
    void tryAwait(CompletableFuture<?> request) {
        try {
            await(request);
        } catch (RuntimeException e) {
            LOG.error("could not restore the switch after a failed provisioning change", e);
        }
    }

    /**
     * Gives the device's DN the routing points and wrap-up time of its owner, or none when unassigned. A
     * stored user may name a routing point since removed from the configuration: it is left out, as at
     * start.
     */
    void route(Device device) {
        User owner = device.ownerId() == null ? null : users().byId(device.ownerId()).orElse(null);
        Set<String> points = new LinkedHashSet<>();
        if (owner != null) {
            owner.routingPoints().stream().filter(routingPoints::contains).forEach(points::add);
        }
        await(telephony.setRouting(device.phoneNumber(), points, owner == null ? null : owner.wrapUpTime()));
    }

    /** For undoing: {@link #route}, logging a refusal. */
    void tryRoute(Device device) {
        try {
            route(device);
        } catch (RuntimeException e) {
            LOG.error("could not restore the routing of {} after a failed provisioning change", device.phoneNumber(), e);
        }
    }

    /** Logs out the agent on the DN, if one is logged in (a logout of nobody would still notify). */
    void logOut(String dn) {
        if (telephony.dn(dn).map(DnSnapshot::agentState).filter(s -> s != AgentState.LOGGED_OUT).isPresent()) {
            await(telephony.logout(dn));
        }
    }

    /**
     * Why the DN cannot change hands now, or empty: it is a party of a call, or monitors or is monitored.
     * The same things make the switch refuse to remove a DN.
     */
    Optional<String> inUse(String dn) {
        if (!telephony.callsAt(dn).isEmpty()) {
            return Optional.of(dn + " is in a call");
        }
        Monitoring monitoring = telephony.dn(dn).map(DnSnapshot::monitoring).orElse(null);
        if (monitoring != null) {
            return Optional.of(dn + " is monitoring " + monitoring.targetDn());
        }
        for (Device other : devices().all()) {
            Monitoring theirs = telephony.dn(other.phoneNumber()).map(DnSnapshot::monitoring).orElse(null);
            if (theirs != null && dn.equals(theirs.targetDn())) {
                return Optional.of(dn + " is monitored by " + other.phoneNumber());
            }
        }
        return Optional.empty();
    }

    boolean isRoutingPoint(String number) {
        return routingPoints.contains(number);
    }

    Set<String> routingPoints() {
        return routingPoints;
    }

    /** Ends every session of a user who was deleted or disabled. */
    void endSessionsOf(String userId) {
        endSessions.accept(userId, null);
    }

    /** After a password change: the user's sessions end, but the one that made the change, if theirs. */
    void endSessionsOf(String userId, String keptHttpSessionId) {
        endSessions.accept(userId, keptHttpSessionId);
    }
}
