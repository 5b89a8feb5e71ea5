package com.dialtone.switching.embedded;

import com.dialtone.switching.AgentState;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CallType;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.CustomerSimulator;
import com.dialtone.switching.DnSnapshot;
import com.dialtone.switching.Monitoring;
import com.dialtone.switching.MonitoringMode;
import com.dialtone.switching.Numbers;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.RecordingState;
import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.RoutingPointSnapshot;
import com.dialtone.switching.Switch;
import com.dialtone.switching.SwitchListener;
import com.dialtone.switching.SwitchRejection;
import com.dialtone.switching.SwitchRejection.Reason;
import com.dialtone.switching.UserData;
import com.dialtone.switching.endpoint.DeviceCalls;
import com.dialtone.switching.endpoint.Endpoint;
import com.dialtone.switching.endpoint.Endpoints;
import com.dialtone.switching.endpoint.Leg;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A switch in memory: DNs (given at the start, added and removed while it runs), calls between them, routing points that queue calls for their
 * agents (see {@link RoutingPlan} and {@link Acd}), external numbers, and customers calling in. This class
 * is a thin facade: it turns each request into a unit of work ({@link SwitchWork}) that checks it and
 * changes the calls; the parts it uses have classes of their own.
 *
 * <h2>Threading</h2>
 * All call processing happens on one {@link SwitchLoop}: a request from any thread becomes a task on the
 * loop; the task checks the request, changes the calls, publishes their new snapshots and then hands
 * the events to the listeners, still on the loop (see {@link SwitchWork}). So no lock is ever held, let
 * alone across I/O, events leave in the order things happened, and a change that spans two calls (a
 * transfer) is atomic. The price is that listeners must not block; the server's notifier only queues
 * messages. Readers use the published snapshots and never wait for the loop. One loop thread handles
 * about 160,000 requests a second on a 2-core machine (docs/BENCHMARKS.md), far beyond what thousands of
 * concurrent calls need.
 *
 * <h2>Call logic and endpoints</h2>
 * The call logic is the same whatever the devices are: {@link Call} holds the rules of one call; this
 * class adds the rules across calls a request needs (a DN is active, dialling or established, in one call
 * at a time, so dialling or answering puts its established call on hold; a consult call is tied to the
 * call it consults about, see {@link Consultation}; a call to a DN goes where the DN's features say, see
 * {@link Destinations}). Rules that react to what a change did rather than to the request that made it
 * ({@link Acd}, {@link AgentRules}, {@link Supervision}) are {@link Rule}s the unit of work runs in order.
 * The last rule, {@link Devices}, carries every decision out through the parties' endpoints
 * ({@link com.dialtone.switching.endpoint.Endpoint}: the simulated phone, far end and customer, or SIP);
 * what the devices do comes back as reports on their legs ({@link DeviceReports}), each a unit of work
 * of its own. Which endpoint plays which number is the {@link Endpoints} the switch is made with.
 *
 * <h2>Life of a call</h2>
 * A call lives in {@link Calls} from its creation until its last party is released; its final snapshot,
 * with every party released, goes out with the last events and then the call is forgotten.
 */
public final class EmbeddedSwitch implements Switch, CustomerSimulator, DeviceCalls {

    private final Map<String, Dn> dns;
    private final Calls calls = new Calls();
    private final SwitchWork work;
    private final Acd acd;
    private final Supervision supervision;
    private final AgentRules agents;
    private final Destinations destinations;
    private final Lines lines;
    private final IncomingCalls incoming;
    private final SimulatedCustomer customers;
    private final Consultation consultation;
    private final Provisioning provisioning;

    public EmbeddedSwitch(Set<String> dns, DialPlan dialPlan, SwitchLoop loop) {
        this(dns, dialPlan, RoutingPlan.none(), loop);
    }

    /** A switch whose every device is simulated ({@link SimulatedEndpoints}). */
    public EmbeddedSwitch(Set<String> dns, DialPlan dialPlan, RoutingPlan routingPlan, SwitchLoop loop) {
        this(dns, routingPlan, new SimulatedEndpoints(dialPlan), loop);
    }

    /**
     * @param endpoints which endpoint plays each DN's device and each external number
     * @throws IllegalArgumentException if a routing point's number is a DN or cannot be dialled, or one of
     *                                  its agents is not a DN
     */
    public EmbeddedSwitch(Set<String> dns, RoutingPlan routingPlan, Endpoints endpoints, SwitchLoop loop) {
        Destinations.checkPlan(routingPlan, dns);
        Instant start = loop.now();
        this.dns = new ConcurrentHashMap<>(); // provisioning writes it on the loop; readers are anywhere
        for (String dn : dns) {
            this.dns.put(dn, new Dn(dn, endpoints.ofDn(dn), start));
        }
        this.acd = new Acd(routingPlan, this.dns);
        this.supervision = new Supervision(this.dns);
        this.agents = new AgentRules(this.dns, routingPlan.wrapUpTimes(), calls, acd);
        this.lines = new Lines(calls);
        // The order in which the rules react to each move; the devices are told last, once the rest is decided.
        this.work = new SwitchWork(loop, calls, this.dns, endpoints, acd, List.of(acd, agents, supervision, new Devices()),
                new DeviceReports(lines));
        this.destinations = new Destinations(this.dns, acd);
        this.incoming = new IncomingCalls(calls, destinations);
        this.customers = new SimulatedCustomer(incoming);
        this.consultation = new Consultation(calls, destinations, supervision);
        this.provisioning = new Provisioning(this.dns, calls, acd, supervision, agents, endpoints);
    }

    @Override
    public void addListener(SwitchListener listener) {
        work.addListener(listener);
    }

    // ---- one call ----

    @Override
    public CompletableFuture<CallSnapshot> dial(String dn, String destination, UserData userData, String location) {
        return work.submit(change -> dialFrom(dn, destination, userData, location, true, null, change)).thenApply(Call::latest);
    }

    /**
     * @param request true for a client's request (the DN's device is asked to dial), false when the device
     *                dialled by itself
     */
    private Call dialFrom(String dn, String destination, UserData userData, String location, boolean request, Object attachment,
                          Change change) {
        Dn caller = requireDn(dn);
        Destinations.Destination target = destinations.of(dn, destination);
        if (request) {
            caller.endpoint().requireReady(dn);
        }
        lines.holdIn(lines.makeRoomFor(dn, null), dn, change);
        CallType type = target.isExternal() ? CallType.OUTBOUND : CallType.INTERNAL;
        Call call = calls.create(type, dn, destination, location, null, userData == null ? UserData.empty() : userData, change);
        if (request) {
            call.join(dn, true, PartyState.DIALING, null, change);
        } else {
            call.joinCaller(dn, true, caller.endpoint(), attachment, change);
        }
        destinations.ring(call, target, dn, change);
        return call;
    }

    @Override
    public CompletableFuture<Void> answer(String callId, String dn) {
        return run(callId, call -> change -> {
            Party party = call.requireState(call.activeParty(dn), "answered", PartyState.RINGING);
            ready(dn);
            Call other = lines.makeRoomFor(dn, call);
            // A phone that answers only when it has (SIP) reports it; the call is connected then.
            if (party.leg().endpoint().answer(party.leg())) {
                lines.holdIn(other, dn, change);
                call.answer(party, change);
            }
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
    public CompletableFuture<Void> clearCall(String callId, String dn) {
        return run(callId, call -> change -> call.clear(dn, change));
    }

    @Override
    public CompletableFuture<Void> hold(String callId, String dn) {
        return run(callId, call -> change -> {
            Party party = call.notMonitoring(call.activeParty(dn), "hold it");
            ready(dn);
            call.hold(party, change);
        });
    }

    @Override
    public CompletableFuture<Void> retrieve(String callId, String dn) {
        return run(callId, call -> change -> {
            Party party = call.requireState(call.activeParty(dn), "retrieved", PartyState.HELD);
            ready(dn);
            lines.requireIdleElsewhere(dn, call);
            call.retrieve(party, change);
        });
    }

    @Override
    public CompletableFuture<Void> setMuted(String callId, String dn, boolean muted) {
        return run(callId, call -> change -> {
            ready(call, dn);
            call.setMuted(dn, muted, change);
        });
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String callId, String dn, String digits) {
        return run(callId, call -> change -> {
            ready(call, dn);
            call.sendDtmf(dn, digits, change);
        });
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
        return run(callId, call -> change -> {
            ready(call, dn);
            call.setRecording(dn, state, change);
        });
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
            Destinations.Destination target = destinations.newPartyOf(call, dn, destination);
            call.mergeUserData(userData);
            // Nobody is left to hear that the destination did not answer: the transferrer is gone.
            destinations.ring(call, target, null, change);
            call.release(mine, ReleaseCause.TRANSFERRED, change);
        });
    }

    @Override
    public CompletableFuture<Void> singleStepConference(String callId, String dn, String destination, UserData userData, String location) {
        return run(callId, call -> change -> {
            Party mine = call.requireState(call.activeParty(dn), "conferenced", PartyState.ESTABLISHED, PartyState.HELD);
            call.notMonitoring(mine, "conference it");
            ready(dn);
            Destinations.Destination target = destinations.newPartyOf(call, dn, destination);
            call.mergeUserData(userData);
            destinations.ring(call, target, dn, change);
            if (target.point() != null && userData != null && !userData.isEmpty()) {
                change.userDataChanged(call); // nobody joined yet, so no other event shows the new data
            }
        });
    }

    // ---- two calls ----

    @Override
    public CompletableFuture<CallSnapshot> initiateConsult(String callId, String dn, String destination, UserData userData, String location) {
        return work.submit(change -> {
            ready(calls.existing(callId), dn);
            return consultation.initiate(callId, dn, destination, userData, location, change);
        }).thenApply(Call::latest);
    }

    @Override
    public CompletableFuture<Void> completeTransfer(String consultCallId, String dn) {
        return work.execute(change -> consultation.complete(consultCallId, dn, true, change));
    }

    @Override
    public CompletableFuture<Void> completeConference(String consultCallId, String dn) {
        return work.execute(change -> {
            ready(calls.existing(consultCallId), dn);
            consultation.complete(consultCallId, dn, false, change);
        });
    }

    @Override
    public CompletableFuture<Void> swap(String callId, String dn, String otherCallId) {
        return work.execute(change -> {
            Call call = calls.existing(callId);
            Call other = calls.existing(otherCallId);
            ready(call, dn);
            lines.swap(call, other, dn, change);
        });
    }

    // ---- agents and DN features ----

    @Override
    public CompletableFuture<Void> login(String dn) {
        return onDn(dn, agents::login);
    }

    @Override
    public CompletableFuture<Void> logout(String dn) {
        return onDn(dn, agents::logout);
    }

    @Override
    public CompletableFuture<Void> setAgentState(String dn, AgentState state, Duration wrapUpTime) {
        return onDn(dn, (agent, change) -> agents.setState(agent, state, wrapUpTime, change));
    }

    @Override
    public CompletableFuture<Void> setDoNotDisturb(String dn, boolean on) {
        return onDn(dn, (agent, change) -> agent.setDoNotDisturb(on));
    }

    @Override
    public CompletableFuture<Void> setForwarding(String dn, String destination) {
        return onDn(dn, (agent, change) -> {
            if (destination != null) {
                destinations.check(dn, destination);
            }
            agent.setForwardTo(destination);
        });
    }

    @Override
    public CompletableFuture<Void> startMonitoring(String supervisorDn, Monitoring monitoring) {
        return work.execute(change -> {
            Dn supervisor = requireDn(supervisorDn);
            if (monitoring == null) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "what to monitor is required");
            }
            Dn target = requireDn(monitoring.targetDn());
            supervisor.endpoint().requireReady(supervisorDn);
            supervision.start(supervisor, target, monitoring, calls.establishedCallOf(target.number()), change);
        });
    }

    @Override
    public CompletableFuture<Void> cancelMonitoring(String supervisorDn) {
        return work.execute(change -> supervision.cancel(requireDn(supervisorDn), change));
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

    // ---- provisioning ----

    @Override
    public CompletableFuture<Void> addDn(String dn) {
        return work.execute(change -> provisioning.addDn(dn, change));
    }

    @Override
    public CompletableFuture<Void> removeDn(String dn) {
        return work.execute(change -> provisioning.removeDn(requireDn(dn), change));
    }

    @Override
    public CompletableFuture<Void> setRouting(String dn, Set<String> routingPoints, Duration wrapUpTime) {
        return work.execute(change -> provisioning.setRouting(requireDn(dn), routingPoints, wrapUpTime, change));
    }

    @Override
    public Optional<DnSnapshot> dn(String dn) {
        Dn state = dn == null ? null : dns.get(dn);
        return state == null ? Optional.empty() : Optional.of(state.latest());
    }

    @Override
    public List<RoutingPointSnapshot> routingPoints() {
        return acd.latest();
    }

    // ---- simulated customers ----

    @Override
    public CompletableFuture<CallSnapshot> customerCall(String from, String to, UserData userData, CustomerBehaviour behaviour) {
        return work.submit(change -> customers.call(from, to, userData, behaviour, change)).thenApply(Call::latest);
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

    @Override
    public CompletableFuture<Void> customerDtmf(String callId, String from, String digits) {
        return run(callId, call -> change -> {
            Party customer = call.findActive(from);
            if (customer == null || customer.isInternal()) {
                throw new SwitchRejection(Reason.UNKNOWN_CALL, "call " + callId + " has no external party " + from);
            }
            if (!Numbers.isDtmf(digits)) {
                throw new SwitchRejection(Reason.INVALID_ARGUMENT, "DTMF digits must be " + Numbers.DTMF_SHAPE + ", was '" + digits + "'");
            }
            if (customer.state() != PartyState.ESTABLISHED) {
                throw new SwitchRejection(Reason.NOT_ALLOWED_IN_STATE, "the customer " + from + " is not talking in call " + callId);
            }
            for (Party other : call.activeParties()) {
                if (other.isHeard() && other.state() == PartyState.ESTABLISHED) {
                    change.dtmfSent(call, other, from, digits);
                }
            }
        });
    }

    // ---- calls devices make ----

    @Override
    public CompletableFuture<Leg> fromOutside(Endpoint endpoint, String from, String to, UserData userData, Object state) {
        Objects.requireNonNull(endpoint, "endpoint");
        return work.submit(change -> (Leg) incoming.fromOutside(endpoint, from, to, userData, state, change).findActive(from).leg());
    }

    @Override
    public CompletableFuture<Leg> fromDn(String dn, String destination, Object state) {
        return work.submit(change -> (Leg) dialFrom(dn, destination, UserData.empty(), null, false, state, change).findActive(dn).leg());
    }

    // ---- reading ----

    @Override
    public Optional<CallSnapshot> call(String callId) {
        return calls.snapshot(callId);
    }

    @Override
    public List<CallSnapshot> callsAt(String dn) {
        return calls.snapshotsAt(dn);
    }

    /** How many calls are live; for tests and diagnostics. */
    public int callCount() {
        return calls.count();
    }

    // ---- on the loop ----

    /** Runs a request on one existing call. */
    private CompletableFuture<Void> run(String callId, Function<Call, Consumer<Change>> request) {
        return work.execute(change -> request.apply(calls.existing(callId)).accept(change));
    }

    /** Runs a request about a DN's own state; it is reported even if it changed nothing. */
    private CompletableFuture<Void> onDn(String dn, BiConsumer<Dn, Change> request) {
        return work.execute(change -> {
            Dn state = requireDn(dn);
            request.accept(state, change);
            change.dnChanged(state);
        });
    }

    /**
     * Refuses a request the DN's device must carry out while it cannot (a SIP phone not registered);
     * called after the request's own checks, before it changes anything.
     */
    private void ready(String dn) {
        Dn state = dns.get(dn);
        if (state != null) {
            state.endpoint().requireReady(dn);
        }
    }

    /** As {@link #ready(String)}, once the DN is known to be in the call. */
    private void ready(Call call, String dn) {
        call.activeParty(dn);
        ready(dn);
    }

    private Dn requireDn(String dn) {
        Dn state = dn == null ? null : dns.get(dn);
        if (state == null) {
            throw new SwitchRejection(Reason.UNKNOWN_DN, dn + " is not a DN of this switch");
        }
        return state;
    }
}
