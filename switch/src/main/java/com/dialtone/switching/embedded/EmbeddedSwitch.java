package com.dialtone.switching.embedded;

import com.dialtone.switching.AgentState;
import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.CustomerSimulator;
import com.dialtone.switching.DnEvent;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.RecordingState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.RoutingPointSnapshot;
import com.dialtone.switching.Switch;
import com.dialtone.switching.SwitchListener;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A switch in memory: a fixed set of DNs, calls between them, routing points that queue calls for their
 * agents (see {@link RoutingPlan}), simulated far ends for every other number (see {@link DialPlan}), and
 * simulated customers calling in.
 *
 * <h2>Threading</h2>
 * All call processing happens on one {@link SwitchLoop}: a request from any thread becomes a task on the
 * loop; the task checks the request, changes the calls, publishes their new snapshots and then hands
 * the events to the listeners, still on the loop. So no lock is ever held, let alone across I/O, events
 * leave in the order things happened, and a change that spans two calls (a transfer) is atomic. The
 * price is that listeners must not block; the server's notifier only queues messages. Readers use the
 * published snapshots and never wait for the loop. One loop thread handles about 200,000 requests a
 * second on a 2-core machine (docs/benchmarks.md), far beyond what thousands of concurrent calls need.
 *
 * <h2>Rules</h2>
 * {@link Call} holds the rules of one call. This class adds the rules across calls: a DN is active
 * (dialling or established) in one call at a time, so dialling or answering puts its established call on
 * hold; a consult call is tied to the call it consults about, and completing it moves its parties there.
 * A call to a DN goes where the DN's features say (forwarded, or busy with do-not-disturb).
 *
 * <p>Some rules react to what a change did rather than to the request that made it: an agent answering
 * an offer, a monitored agent becoming established, a routed call ending. However a party got there (a
 * request, a timer, another rule), {@link #settle} applies them to every party move of the change, before
 * anything is published, so their events go out with the change that caused them.
 *
 * <h2>Life of a call</h2>
 * A call lives in {@link #calls} from its creation until its last party is released; its final snapshot,
 * with every party released, goes out with the last events and then the call is forgotten.
 */
public final class EmbeddedSwitch implements Switch, CustomerSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSwitch.class);
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9*#]{1,32}");

    /** Where a dialled number rings once the DN's features have had their say. */
    private record Destination(String number, Dn dn, RoutingPoint point) {

        boolean isExternal() {
            return dn == null && point == null;
        }
    }

    private final Map<String, Dn> dns;
    private final SwitchLoop loop;
    private final SimulatedFarEnd farEnd;
    private final SimulatedCustomer customers;
    private final Acd acd;
    private final Supervision supervision;
    private final Map<String, Duration> wrapUpTimes;
    private final CallIds ids = new CallIds();
    private final Map<String, Call> calls = new HashMap<>();
    private final SnapshotIndex snapshots = new SnapshotIndex();
    private final List<SwitchListener> listeners = new CopyOnWriteArrayList<>();
    private boolean routingPending;

    public EmbeddedSwitch(Set<String> dns, DialPlan dialPlan, SwitchLoop loop) {
        this(dns, dialPlan, RoutingPlan.none(), loop);
    }

    /**
     * @throws IllegalArgumentException if a routing point's number is a DN or cannot be dialled, or one of
     *                                  its agents is not a DN
     */
    public EmbeddedSwitch(Set<String> dns, DialPlan dialPlan, RoutingPlan routingPlan, SwitchLoop loop) {
        checkPlan(routingPlan, dns);
        Instant start = loop.now();
        Map<String, Dn> states = new HashMap<>();
        for (String dn : dns) {
            states.put(dn, new Dn(dn, start));
        }
        this.dns = Map.copyOf(states);
        this.loop = loop;
        this.farEnd = new SimulatedFarEnd(dialPlan, this::schedule);
        this.customers = new SimulatedCustomer(this::schedule);
        this.acd = new Acd(routingPlan, this.dns, this::schedule, this::routeSoon);
        this.supervision = new Supervision(this.dns);
        this.wrapUpTimes = routingPlan.wrapUpTimes();
    }

    private static void checkPlan(RoutingPlan plan, Set<String> dns) {
        for (RoutingPlan.RoutingPoint point : plan.routingPoints()) {
            if (!DIALLABLE.matcher(point.number()).matches()) {
                throw new IllegalArgumentException("routing point " + point.number() + " is not a number that can be dialled");
            }
            if (dns.contains(point.number())) {
                throw new IllegalArgumentException(point.number() + " is both a DN and a routing point");
            }
            for (String agent : point.agentDns()) {
                if (!dns.contains(agent)) {
                    throw new IllegalArgumentException("agent " + agent + " of routing point " + point.number() + " is not a DN");
                }
            }
        }
    }

    @Override
    public void addListener(SwitchListener listener) {
        listeners.add(listener);
    }

    private boolean isDn(String number) {
        return dns.containsKey(number);
    }

    // ---- one call ----

    @Override
    public CompletableFuture<CallSnapshot> dial(String dn, String destination, UserData userData, String location) {
        return submit(change -> {
            requireDn(dn);
            Destination target = destinationOf(dn, destination);
            holdIn(makeRoomFor(dn, null), dn, change);
            Call call = newCall(target.isExternal() ? CallType.OUTBOUND : CallType.INTERNAL, dn, destination, location, null, userData, change);
            call.join(dn, true, PartyState.DIALING, null, change);
            ring(call, target, dn, change);
            return call;
        }).thenApply(Call::latest);
    }

    @Override
    public CompletableFuture<Void> answer(String callId, String dn) {
        return run(callId, call -> change -> {
            Party party = call.requireState(call.activeParty(dn), "answered", PartyState.RINGING);
            holdIn(makeRoomFor(dn, call), dn, change);
            call.answer(party, change);
        });
    }

    @Override
    public CompletableFuture<Void> reject(String callId, String dn) {
        return run(callId, call -> change -> call.reject(dn, change));
    }

    @Override
    public CompletableFuture<Void> release(String callId, String dn) {
        return run(callId, call -> change -> call.release(dn, change));
    }

    @Override
    public CompletableFuture<Void> hold(String callId, String dn) {
        return run(callId, call -> change -> call.hold(call.notMonitoring(call.activeParty(dn), "hold it"), change));
    }

    @Override
    public CompletableFuture<Void> retrieve(String callId, String dn) {
        return run(callId, call -> change -> {
            Party party = call.requireState(call.activeParty(dn), "retrieved", PartyState.HELD);
            Call other = busyCallOf(dn, call);
            if (other != null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is active in call " + other.id()
                        + "; swap the calls, or hold or end that one first");
            }
            call.retrieve(party, change);
        });
    }

    @Override
    public CompletableFuture<Void> setMuted(String callId, String dn, boolean muted) {
        return run(callId, call -> change -> call.setMuted(dn, muted, change));
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String callId, String dn, String digits) {
        return run(callId, call -> change -> call.sendDtmf(dn, digits, change));
    }

    // T-Server keeps a second pair when an attached key already exists; a JSON object can show only one
    // value per key, so attach and update look the same to every GWS client.
    @Override
    public CompletableFuture<Void> attachUserData(String callId, String dn, UserData pairs) {
        return run(callId, call -> change -> call.addUserData(dn, pairs, change));
    }

    @Override
    public CompletableFuture<Void> updateUserData(String callId, String dn, UserData pairs) {
        return run(callId, call -> change -> call.addUserData(dn, pairs, change));
    }

    @Override
    public CompletableFuture<Void> deleteUserData(String callId, String dn) {
        return run(callId, call -> change -> call.deleteUserData(dn, change));
    }

    @Override
    public CompletableFuture<Void> deleteUserDataPair(String callId, String dn, String key) {
        return run(callId, call -> change -> call.deleteUserDataPair(dn, key, change));
    }

    @Override
    public CompletableFuture<Void> setRecording(String callId, String dn, RecordingState state) {
        return run(callId, call -> change -> call.setRecording(dn, state, change));
    }

    @Override
    public CompletableFuture<Void> removeParty(String callId, String dn, String party) {
        return run(callId, call -> change -> call.removeParty(dn, party, change));
    }

    @Override
    public CompletableFuture<Void> singleStepTransfer(String callId, String dn, String destination, UserData userData, String location) {
        return run(callId, call -> change -> {
            Party mine = call.requireState(call.activeParty(dn), "transferred", PartyState.ESTABLISHED, PartyState.HELD);
            call.notMonitoring(mine, "transfer it");
            Destination target = newPartyOf(call, dn, destination);
            call.mergeUserData(userData);
            // Nobody is left to hear that the destination did not answer: the transferrer is gone.
            ring(call, target, null, change);
            call.release(mine, ReleaseCause.TRANSFERRED, change);
        });
    }

    @Override
    public CompletableFuture<Void> singleStepConference(String callId, String dn, String destination, UserData userData, String location) {
        return run(callId, call -> change -> {
            Party mine = call.requireState(call.activeParty(dn), "conferenced", PartyState.ESTABLISHED, PartyState.HELD);
            call.notMonitoring(mine, "conference it");
            Destination target = newPartyOf(call, dn, destination);
            call.mergeUserData(userData);
            ring(call, target, dn, change);
            if (target.point() != null && userData != null && !userData.isEmpty()) {
                change.userDataChanged(call); // nobody joined yet, so no other event shows the new data
            }
        });
    }

    // ---- two calls ----

    @Override
    public CompletableFuture<CallSnapshot> initiateConsult(String callId, String dn, String destination, UserData userData, String location) {
        return submit(change -> {
            Call parent = existing(callId);
            Party mine = parent.requireState(parent.activeParty(dn), "consulted about", PartyState.ESTABLISHED, PartyState.HELD);
            parent.notMonitoring(mine, "consult about it");
            Destination target = destinationOf(dn, destination);
            requireNotIn(parent, target);
            Call consult = consultOf(parent, dn);
            if (consult != null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "call " + callId + " already has the consult call " + consult.id());
            }
            Call busy = busyCallOf(dn, parent);
            if (busy != null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is active in call " + busy.id() + "; hold or end it first");
            }
            if (mine.state() == PartyState.ESTABLISHED) {
                parent.hold(mine, change);
            }
            Call created = newCall(CallType.CONSULT, dn, destination, location, parent.id(), parent.userData().with(userData), change);
            created.join(dn, true, PartyState.DIALING, null, change);
            ring(created, target, dn, change);
            return created;
        }).thenApply(Call::latest);
    }

    @Override
    public CompletableFuture<Void> completeTransfer(String consultCallId, String dn) {
        return complete(consultCallId, dn, true);
    }

    @Override
    public CompletableFuture<Void> completeConference(String consultCallId, String dn) {
        return complete(consultCallId, dn, false);
    }

    /**
     * The consult call's other parties join the parent call, as they are (ringing or talking), and the
     * consult call ends. By transfer, {@code dn} leaves the parent too; by conference, it is taken off
     * hold there. The consult's user data (the parent's, plus what the consultation added) goes with them.
     * A consultation still at a routing point has nobody to hand over yet, so it cannot be completed.
     */
    private CompletableFuture<Void> complete(String consultCallId, String dn, boolean transfer) {
        return submit(change -> {
            Call consult = existing(consultCallId);
            Party mineInConsult = consult.notMonitoring(consult.activeParty(dn), "complete it");
            if (consult.parentCallId() == null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "call " + consultCallId + " is not a consult call");
            }
            if (consult.isRouting()) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "consult call " + consultCallId + " is still at routing point "
                        + consult.routing().point().number() + "; wait until an agent answers it");
            }
            Call parent = calls.get(consult.parentCallId());
            if (parent == null || parent.findActive(dn) == null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                        "call " + consult.parentCallId() + ", which consult call " + consultCallId + " is about, has ended for " + dn);
            }
            Party mineInParent = parent.activeParty(dn);
            // Normally the parent is held and the consult active; after a swap it is the other way round.
            boolean parentHeld = mineInParent.state() == PartyState.HELD && mineInConsult.isBusy();
            if (!parentHeld && !(mineInConsult.state() == PartyState.HELD && mineInParent.state() == PartyState.ESTABLISHED)) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "calls " + parent.id() + " and " + consultCallId + " are "
                        + mineInParent.state() + " and " + mineInConsult.state() + " on " + dn + "; one must be held and the other active");
            }
            List<Party> joining = consult.activeParties().stream().filter(p -> p != mineInConsult).toList();
            for (Party party : joining) {
                if (parent.findActive(party.number()) != null) {
                    throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, party.number() + " is already a party of call " + parent.id());
                }
            }
            change.touched(consult); // the client hears of the consult call's end first, as in the GWS samples
            parent.mergeUserData(consult.userData());
            for (Party party : joining) {
                Party joined = parent.join(party.number(), party.isInternal(), party.state(), transfer ? null : dn, change);
                joined.carryOver(party);
                farEnd.joined(parent, joined);
                supervision.moved(parent, joined);
            }
            consult.end(p -> p == mineInConsult && transfer ? ReleaseCause.TRANSFERRED : ReleaseCause.MERGED, change);
            if (transfer) {
                parent.release(mineInParent, ReleaseCause.TRANSFERRED, change);
            } else if (parentHeld) {
                parent.retrieve(mineInParent, change);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> swap(String callId, String dn, String otherCallId) {
        return submit(change -> {
            Call call = existing(callId);
            Call other = existing(otherCallId);
            if (call == other) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a call cannot be swapped with itself");
            }
            Party mine = call.notMonitoring(call.activeParty(dn), "swap it");
            Party theirs = other.notMonitoring(other.activeParty(dn), "swap it");
            if (mine.state() == PartyState.ESTABLISHED && theirs.state() == PartyState.HELD) {
                call.hold(mine, change);
                other.retrieve(theirs, change);
            } else if (mine.state() == PartyState.HELD && theirs.state() == PartyState.ESTABLISHED) {
                other.hold(theirs, change);
                call.retrieve(mine, change);
            } else {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "calls " + callId + " and " + otherCallId
                        + " are " + mine.state() + " and " + theirs.state() + " on " + dn + "; one must be established and the other held");
            }
            return null;
        });
    }

    // ---- agents and DN features ----

    @Override
    public CompletableFuture<Void> login(String dn) {
        return onDn(dn, (agent, change) -> {
            if (!agent.isLoggedIn()) {
                agent.changeAgentState(AgentState.NOT_READY, change.now());
            }
        });
    }

    @Override
    public CompletableFuture<Void> logout(String dn) {
        return onDn(dn, (agent, change) -> agent.changeAgentState(AgentState.LOGGED_OUT, change.now()));
    }

    @Override
    public CompletableFuture<Void> setAgentState(String dn, AgentState state, Duration wrapUpTime) {
        return onDn(dn, (agent, change) -> {
            if (state == null || state == AgentState.LOGGED_OUT) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "an agent state other than LOGGED_OUT is required; log out instead");
            }
            if (wrapUpTime != null && state != AgentState.AFTER_CALL_WORK) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a wrap-up time goes only with AFTER_CALL_WORK, not " + state);
            }
            if (wrapUpTime != null && wrapUpTime.isNegative()) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "the wrap-up time must not be negative, was " + wrapUpTime);
            }
            if (!agent.isLoggedIn()) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "no agent is logged in on " + dn);
            }
            agent.changeAgentState(state, change.now());
            if (wrapUpTime != null) {
                wrapUp(agent, wrapUpTime, change);
            }
        });
    }

    @Override
    public CompletableFuture<Void> setDoNotDisturb(String dn, boolean on) {
        return onDn(dn, (agent, change) -> agent.setDoNotDisturb(on));
    }

    @Override
    public CompletableFuture<Void> setForwarding(String dn, String destination) {
        return onDn(dn, (agent, change) -> {
            if (destination != null) {
                checkDestination(dn, destination);
            }
            agent.setForwardTo(destination);
        });
    }

    @Override
    public CompletableFuture<Void> startMonitoring(String supervisorDn, Monitoring monitoring) {
        return submit(change -> {
            Dn supervisor = requireDn(supervisorDn);
            if (monitoring == null) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "what to monitor is required");
            }
            Dn target = requireDn(monitoring.targetDn());
            if (target == supervisor) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, supervisorDn + " cannot monitor itself");
            }
            if (supervisor.monitoring() != null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                        supervisorDn + " is already monitoring " + supervisor.monitoring().targetDn() + "; cancel that first");
            }
            Dn other = supervision.supervisorOf(target.number());
            if (other != null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, target.number() + " is already monitored by " + other.number());
            }
            supervision.start(supervisor, monitoring, establishedCallOf(target.number()), change);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> cancelMonitoring(String supervisorDn) {
        return submit(change -> {
            Dn supervisor = requireDn(supervisorDn);
            if (supervisor.monitoring() == null) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, supervisorDn + " is not monitoring anyone");
            }
            supervision.cancel(supervisor, change);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setMonitoringMode(String callId, String supervisorDn, MonitoringMode mode) {
        return run(callId, call -> change -> {
            call.setMonitoringMode(supervisorDn, mode, change);
            supervision.modeChanged(dns.get(supervisorDn), call.findActive(supervisorDn), change);
        });
    }

    @Override
    public CompletableFuture<Void> setMonitoredPartyMuted(String callId, String supervisorDn, boolean muted) {
        return run(callId, call -> change -> call.setMonitoredPartyMuted(supervisorDn, muted, change));
    }

    @Override
    public Optional<DnSnapshot> dn(String dn) {
        Dn state = dns.get(dn);
        return state == null ? Optional.empty() : Optional.of(state.latest());
    }

    @Override
    public List<RoutingPointSnapshot> routingPoints() {
        return acd.latest();
    }

    // ---- simulated customers ----

    @Override
    public CompletableFuture<CallSnapshot> customerCall(String from, String to, UserData userData, CustomerBehaviour behaviour) {
        return submit(change -> {
            if (from == null || !DIALLABLE.matcher(from).matches() || isDn(from) || acd.point(from) != null) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a customer calls from an external number, not '" + from + "'");
            }
            if (to == null || (!isDn(to) && acd.point(to) == null)) {
                throw new SwitchRejection(Reason.INVALID_DESTINATION, "a customer calls a routing point or a DN, not '" + to + "'");
            }
            CustomerBehaviour behaves = behaviour == null ? CustomerBehaviour.stays() : behaviour;
            checkBehaviour(behaves);
            Destination target = destinationOf(null, to);
            if (target.number().equals(from)) {
                throw new SwitchRejection(Reason.INVALID_DESTINATION, to + " forwards its calls to " + from + ", the caller");
            }
            Call call = newCall(CallType.INBOUND, from, to, null, null, userData == null ? UserData.empty() : userData, change);
            customers.called(call, call.join(from, false, PartyState.DIALING, null, change), behaves);
            ring(call, target, null, change);
            return call;
        }).thenApply(Call::latest);
    }

    @Override
    public CompletableFuture<Void> customerHangUp(String callId, String from) {
        return run(callId, call -> change -> {
            Party customer = call.findActive(from);
            if (customer == null || customer.isInternal()) {
                throw new SwitchRejection(Reason.UNKNOWN_CALL, "call " + callId + " has no external party " + from);
            }
            call.release(customer, ReleaseCause.HANGUP, change);
        });
    }

    private static void checkBehaviour(CustomerBehaviour behaviour) {
        for (Duration duration : new Duration[] {behaviour.hangUpAfter(), behaviour.talkFor(), behaviour.dtmfAfter()}) {
            if (duration != null && duration.isNegative()) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "a customer's timings must not be negative, was " + duration);
            }
        }
        if (behaviour.dtmf() != null && !Call.DTMF.matcher(behaviour.dtmf()).matches()) {
            throw new SwitchRejection(Reason.INVALID_ARGUMENT,
                    "DTMF digits must be 1 to 64 of 0-9, * and #, was '" + behaviour.dtmf() + "'");
        }
    }

    // ---- reading ----

    @Override
    public Optional<CallSnapshot> call(String callId) {
        return snapshots.byId(callId);
    }

    @Override
    public List<CallSnapshot> callsAt(String dn) {
        return snapshots.byDn(dn);
    }

    /** How many calls are live; for tests and diagnostics. */
    public int callCount() {
        return snapshots.size();
    }

    // ---- rules across calls (on the loop) ----

    private Dn requireDn(String dn) {
        Dn state = dn == null ? null : dns.get(dn);
        if (state == null) {
            throw new SwitchRejection(Reason.UNKNOWN_DN, dn + " is not a DN of this switch");
        }
        return state;
    }

    private void checkDestination(String dn, String destination) {
        if (destination == null || !DIALLABLE.matcher(destination).matches()) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION,
                    "destination must be 1 to 32 of 0-9, * and #, with an optional leading +, was '" + destination + "'");
        }
        if (destination.equals(dn)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, dn + " cannot dial itself");
        }
    }

    /**
     * Where a call from {@code requester} (a DN, or null for a customer) to {@code dialled} rings: a DN
     * that forwards sends it on, one hop only, so a call forwarded to a DN that forwards too rings there.
     */
    private Destination destinationOf(String requester, String dialled) {
        checkDestination(requester, dialled);
        Dn dn = dns.get(dialled);
        String number = dn != null && dn.forwardTo() != null ? dn.forwardTo() : dialled;
        if (number.equals(requester)) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, dialled + " forwards its calls to " + requester + ", the caller");
        }
        return new Destination(number, dns.get(number), acd.point(number));
    }

    /** A destination to add to the call: not already a party, and no second routing point at once. */
    private Destination newPartyOf(Call call, String dn, String destination) {
        Destination target = destinationOf(dn, destination);
        requireNotIn(call, target);
        if (target.point() != null && call.isRouting()) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE,
                    "call " + call.id() + " is already waiting at routing point " + call.routing().point().number());
        }
        return target;
    }

    private static void requireNotIn(Call call, Destination target) {
        if (target.point() == null && call.findActive(target.number()) != null) {
            throw new SwitchRejection(Reason.INVALID_DESTINATION, target.number() + " is already a party of call " + call.id());
        }
    }

    /**
     * The destination joins the call, ringing (or alerted); a routing point has no party of its own, the
     * call waits in its queue instead. A DN with do-not-disturb on is busy, as a busy far end is: it is
     * released at once, in a change of its own, so its caller first sees the call it made.
     */
    private void ring(Call call, Destination target, String addedBy, Change change) {
        if (target.point() != null) {
            acd.enqueue(call, target.point(), change);
        } else if (target.isExternal()) {
            farEnd.joined(call, call.join(target.number(), false, PartyState.RINGING, addedBy, change));
        } else if (target.dn().doNotDisturb()) {
            Party party = call.joinUnheard(target.number(), addedBy, change);
            schedule(Duration.ZERO, party, busy -> call.release(party, ReleaseCause.BUSY, busy));
        } else {
            call.join(target.number(), true, PartyState.RINGING, addedBy, change);
        }
    }

    /**
     * Makes {@code dn} free to become active in a call other than {@code except}: refuses while it is
     * dialling elsewhere, and returns the call it is established in elsewhere, to be held; or null.
     */
    private Call makeRoomFor(String dn, Call except) {
        Call busy = busyCallOf(dn, except);
        if (busy != null && busy.findActive(dn).state() == PartyState.DIALING) {
            throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, dn + " is still dialling in call " + busy.id() + "; hang it up first");
        }
        return busy;
    }

    /** Call waiting: the call {@code dn} was talking in goes on hold. */
    private void holdIn(Call call, String dn, Change change) {
        if (call != null) {
            call.hold(call.findActive(dn), change);
        }
    }

    /** The call other than {@code except} in which {@code dn} is dialling or established, if any. */
    private Call busyCallOf(String dn, Call except) {
        for (Call call : callsOf(dn)) {
            Party party = call.findActive(dn);
            if (call != except && party != null && party.isBusy()) {
                return call;
            }
        }
        return null;
    }

    /** The call in which {@code dn} is established, if any. */
    private Call establishedCallOf(String dn) {
        for (Call call : callsOf(dn)) {
            Party party = call.findActive(dn);
            if (party != null && party.state() == PartyState.ESTABLISHED) {
                return call;
            }
        }
        return null;
    }

    /** The live consult call {@code dn} made about {@code parent}, if any. */
    private Call consultOf(Call parent, String dn) {
        for (Call call : callsOf(dn)) {
            if (parent.id().equals(call.parentCallId()) && call.findActive(dn) != null) {
                return call;
            }
        }
        return null;
    }

    private List<Call> callsOf(String dn) {
        return snapshots.byDn(dn).stream().map(s -> calls.get(s.id())).filter(c -> c != null).toList();
    }

    private Call existing(String callId) {
        Call call = calls.get(callId);
        if (call == null) {
            throw new SwitchRejection(Reason.UNKNOWN_CALL, "no call " + callId);
        }
        return call;
    }

    private Call newCall(CallType type, String ani, String dnis, String location, String parentCallId, UserData userData, Change change) {
        Call call = new Call(ids.next(), type, ani, dnis, location, parentCallId, userData, change.now());
        calls.put(call.id(), call);
        return call;
    }

    // ---- rules that react to what a change did ----

    /**
     * Applies the rules that follow from parties' moves, whatever made them. Reacting to a move may move
     * other parties (a supervisor leaves with its agent), whose moves are handled in turn.
     */
    private void settle(Change change) {
        List<Change.Move> moves = change.moves();
        for (int i = 0; i < moves.size(); i++) {
            Change.Move move = moves.get(i);
            Call call = move.call();
            Party party = move.party();
            if (move.next() == PartyState.ESTABLISHED) {
                acd.answered(call, party);
                if (move.previous() == PartyState.DIALING) {
                    customers.answered(call, party);
                }
                supervision.established(call, party, change);
            } else if (move.next() == PartyState.RELEASED) {
                if (acd.released(call, party) && move.cause() == ReleaseCause.NO_ANSWER) {
                    notReadyAfterMissedOffer(dns.get(party.number()), change);
                }
                supervision.released(call, party, move.cause(), change);
                boolean answered = move.previous() == PartyState.ESTABLISHED || move.previous() == PartyState.HELD;
                if (party.routedFrom() != null && answered && move.cause() != ReleaseCause.MERGED) {
                    wrapUpAfterRoutedCall(dns.get(party.number()), change);
                }
            }
        }
    }

    /** An agent who lets an offer ring out is probably away: it gets no more until it says it is ready. */
    private void notReadyAfterMissedOffer(Dn agent, Change change) {
        if (agent.isLoggedIn()) {
            agent.changeAgentState(AgentState.NOT_READY, change.now());
            change.dnChanged(agent);
        }
    }

    private void wrapUpAfterRoutedCall(Dn agent, Change change) {
        Duration time = wrapUpTimes.get(agent.number());
        if (agent.isLoggedIn() && time != null && !time.isZero() && !time.isNegative()) {
            wrapUp(agent, time, change);
            change.dnChanged(agent);
        }
    }

    /** After-call work that ends by itself: the agent is made ready when the time is up. */
    private void wrapUp(Dn agent, Duration time, Change change) {
        Instant endsAt = change.now().plus(time);
        agent.changeAgentState(AgentState.AFTER_CALL_WORK, change.now());
        agent.wrapUpUntil(endsAt, loop.schedule(time, () -> work(ended -> {
            if (agent.agentState() == AgentState.AFTER_CALL_WORK && endsAt.equals(agent.wrapUpEndsAt())) {
                agent.changeAgentState(AgentState.READY, ended.now());
                ended.dnChanged(agent);
            }
        })));
    }

    /**
     * Notes which agents became available, or stopped being, after a change has been published (an
     * agent's calls are known only then). One who became available may take a waiting call.
     */
    private void refreshAvailability(Change change) {
        Set<Dn> touched = new LinkedHashSet<>();
        for (Change.Move move : change.moves()) {
            Dn dn = dns.get(move.party().number());
            if (dn != null) {
                touched.add(dn);
            }
        }
        change.dns().forEach(touched::add);
        boolean becameAvailable = false;
        for (Dn dn : touched) {
            boolean available = dn.takesRoutedCalls() && !snapshots.hasCalls(dn.number());
            becameAvailable |= available && !dn.isAvailable();
            dn.setAvailable(available, change.now());
        }
        if (becameAvailable && acd.hasWaitingCalls()) {
            routeSoon();
        }
    }

    /** A routing pass, as a unit of work of its own after the current one; one at a time is enough. */
    private void routeSoon() {
        if (!routingPending) {
            routingPending = true;
            loop.execute(() -> {
                routingPending = false;
                work(acd::route);
            });
        }
    }

    // ---- the loop ----

    /** Runs a request on one existing call. */
    private CompletableFuture<Void> run(String callId, Function<Call, Consumer<Change>> request) {
        return submit(change -> {
            request.apply(existing(callId)).accept(change);
            return null;
        });
    }

    /** Runs a request about a DN's own state; it is reported even if it changed nothing. */
    private CompletableFuture<Void> onDn(String dn, BiConsumer<Dn, Change> request) {
        return submit(change -> {
            Dn state = requireDn(dn);
            request.accept(state, change);
            change.dnChanged(state);
            return null;
        });
    }

    private <T> CompletableFuture<T> submit(Function<Change, T> request) {
        long started = loop.nanoTime();
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> process(started, request, result));
        return result;
    }

    private void schedule(Duration delay, Party party, Consumer<Change> action) {
        party.addTimer(loop.schedule(delay, () -> {
            if (party.isActive()) {
                work(action);
            }
        }));
    }

    /** Work the switch does by itself, on the loop already: a timer, a routing pass. */
    private void work(Consumer<Change> action) {
        process(loop.nanoTime(), change -> {
            action.accept(change);
            return null;
        }, new CompletableFuture<>());
    }

    private <T> void process(long started, Function<Change, T> work, CompletableFuture<T> result) {
        Change change = new Change(started, loop.now());
        T value;
        try {
            value = work.apply(change);
        } catch (SwitchRejection rejection) {
            result.completeExceptionally(rejection); // by the rule above, thrown before anything changed
            return;
        } catch (RuntimeException bug) {
            LOG.error("switch request failed; publishing what it changed", bug);
            result.completeExceptionally(bug);
            publishAndDispatch(change);
            return;
        }
        try {
            settle(change);
        } catch (RuntimeException bug) {
            LOG.error("switch rules failed after a change; publishing what it changed", bug);
        }
        List<CallEvent> callEvents = publishCalls(change);
        List<DnEvent> dnEvents = publishDns(change);
        result.complete(value);
        dispatch(callEvents, dnEvents);
    }

    private void publishAndDispatch(Change change) {
        List<CallEvent> callEvents = publishCalls(change);
        dispatch(callEvents, publishDns(change));
    }

    private List<CallEvent> publishCalls(Change change) {
        List<CallEvent> events = change.finish();
        for (Call call : change.calls()) {
            snapshots.publish(call.latest());
            if (call.isEnded()) {
                calls.remove(call.id());
            }
        }
        return events;
    }

    private List<DnEvent> publishDns(Change change) {
        List<DnEvent> events = change.finishDns();
        acd.publish();
        refreshAvailability(change);
        return events;
    }

    private void dispatch(List<CallEvent> callEvents, List<DnEvent> dnEvents) {
        for (CallEvent event : callEvents) {
            for (SwitchListener listener : listeners) {
                try {
                    listener.onCallEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("switch listener {} failed on {}", listener, event, e);
                }
            }
        }
        for (DnEvent event : dnEvents) {
            for (SwitchListener listener : listeners) {
                try {
                    listener.onDnEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("switch listener {} failed on {}", listener, event, e);
                }
            }
        }
    }
}
