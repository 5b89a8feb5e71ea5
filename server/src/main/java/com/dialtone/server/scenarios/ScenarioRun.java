package com.dialtone.server.scenarios;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.CustomerBehaviour;
import com.dialtone.switching.CustomerSimulator;
import com.dialtone.switching.PartySnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.Switch;
import com.dialtone.switching.embedded.SwitchLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * One run of a scenario: its customers call as planned and behave as told, and what happened to each is
 * recorded from the switch's events. Timers run on the switch's loop and clock, so on a manual clock a
 * run takes no real time. Everything here is guarded by the run's monitor: the loop's thread changes the
 * run, a reader (the report, the watch) takes a consistent picture of it.
 */
final class ScenarioRun {

    enum State { RUNNING, FINISHED, STOPPED }

    /** How many timeline entries a run keeps for watchers; older ones are dropped (the report keeps all customers). */
    static final int MAX_LOG = 5_000;

    /** What a run needs from its surroundings. */
    interface Bindings {
        /** The customer's call is live: its events must reach the run. */
        void bind(String callId, ScenarioRun run, Customer customer);

        void unbind(String callId);

        /** The customer's number is busy for calls to it (or no longer). */
        void busy(String number, boolean busy);
    }

    private final String id;
    private final Scenario scenario;
    private final SwitchLoop loop;
    private final CustomerSimulator simulator;
    private final Switch telephony;
    private final Bindings bindings;
    private final Instant startedAt;
    private final long startNanos;
    private final List<Customer> customers = new ArrayList<>();
    private final Deque<Map<String, Object>> log = new ArrayDeque<>();
    private long logged;
    private State state = State.RUNNING;
    private long endNanos;
    private SwitchLoop.Timer reconcile;

    /** A customer of the run: planned, then calling, then done. */
    final class Customer {
        final Plan.Arrival arrival;
        String callId;
        long calledNanos = -1;
        long answeredNanos = -1;
        long endedNanos = -1;
        String refusal;
        boolean hangingUp;
        String endedBy;
        final Set<String> offeredTo = new LinkedHashSet<>();
        final Set<String> answeredBy = new LinkedHashSet<>();
        final List<SwitchLoop.Timer> timers = new ArrayList<>();

        Customer(Plan.Arrival arrival) {
            this.arrival = arrival;
        }

        boolean inCall() {
            return callId != null && endedNanos < 0;
        }

        boolean done() {
            return endedNanos >= 0 || refusal != null;
        }

        String outcome() {
            if (refusal != null) {
                return "refused";
            }
            if (calledNanos < 0) {
                return state == State.RUNNING ? "planned" : "notCalled";
            }
            if (endedNanos < 0) {
                return answeredNanos < 0 ? "waiting" : "talking";
            }
            if (answeredNanos >= 0) {
                return "answered";
            }
            return "customer".equals(endedBy) ? "abandoned" : "unanswered";
        }
    }

    ScenarioRun(String id, Scenario scenario, SwitchLoop loop, CustomerSimulator simulator, Switch telephony, Bindings bindings) {
        this.id = id;
        this.scenario = scenario;
        this.loop = loop;
        this.simulator = simulator;
        this.telephony = telephony;
        this.bindings = bindings;
        this.startedAt = loop.now();
        this.startNanos = loop.nanoTime();
        for (Plan.Arrival arrival : Plan.of(scenario)) {
            customers.add(new Customer(arrival));
        }
    }

    String id() {
        return id;
    }

    synchronized State state() {
        return state;
    }

    /** Schedules every arrival; call once. */
    synchronized void start() {
        log(null, "started", "scenario '" + scenario.name() + "': " + customers.size() + " customers");
        for (Customer customer : customers) {
            if (customer.arrival.group().behaviour().busy()) {
                bindings.busy(customer.arrival.from(), true);
            }
            customer.timers.add(loop.schedule(customer.arrival.at(), () -> call(customer)));
        }
        reconcile = loop.schedule(Duration.ofSeconds(1), this::reconcile);
        finishIfDone();
    }

    /** Stops the run: nobody else calls, and the customers still in a call hang up. */
    synchronized void stop() {
        if (state != State.RUNNING) {
            return;
        }
        state = State.STOPPED;
        endNanos = loop.nanoTime();
        log(null, "stopped", "stopped");
        for (Customer customer : customers) {
            if (customer.inCall()) {
                hangUp(customer, "the run was stopped");
            }
            if (!customer.inCall()) {
                cancelTimers(customer);
            }
        }
        released();
    }

    private void call(Customer customer) {
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            customer.calledNanos = loop.nanoTime();
        }
        Scenario.Group group = customer.arrival.group();
        simulator.customerCall(customer.arrival.from(), group.to(), group.data(), CustomerBehaviour.stays())
                .whenComplete((call, failure) -> called(customer, call, failure));
    }

    private synchronized void called(Customer customer, CallSnapshot call, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            customer.refusal = cause.getMessage();
            log(customer, "refused", "refused: " + cause.getMessage());
            finishIfDone();
            return;
        }
        customer.callId = call.id();
        bindings.bind(call.id(), this, customer);
        log(customer, "called", customer.arrival.from() + " calls " + customer.arrival.group().to() + " (call " + call.id() + ")");
        for (PartySnapshot party : call.activeParties()) {
            if (party.internal() && party.state() == PartyState.RINGING) {
                offered(customer, party.number());
            }
        }
        Scenario.Behaviour behaviour = customer.arrival.group().behaviour();
        if (behaviour.hangUpAfter() != null) {
            customer.timers.add(loop.schedule(behaviour.hangUpAfter(), () -> hangUp(customer, "hangs up after " + seconds(behaviour.hangUpAfter()) + "s")));
        }
        if (behaviour.abandonAfter() != null) {
            customer.timers.add(loop.schedule(behaviour.abandonAfter(), () -> {
                synchronized (this) {
                    if (customer.answeredNanos < 0) {
                        hangUp(customer, "abandons after waiting " + seconds(behaviour.abandonAfter()) + "s");
                    }
                }
            }));
        }
        if (state != State.RUNNING) {
            hangUp(customer, "the run was stopped");
        }
    }

    /** An event of a customer's call, on the switch's thread. */
    synchronized void onCallEvent(Customer customer, CallEvent event) {
        if (event instanceof CallEvent.PartyStateChanged changed) {
            PartySnapshot party = event.party();
            if (!party.isMonitoring()) {
                if (party.state() == PartyState.RINGING) {
                    offered(customer, party.number());
                } else if (party.state() == PartyState.ESTABLISHED && customer.answeredBy.add(party.number())) {
                    log(customer, "answered", "answered by " + party.number());
                }
            }
            CallSnapshot call = event.call();
            boolean talking = call.party(customer.arrival.from()).map(p -> p.state() == PartyState.ESTABLISHED).orElse(false);
            if (talking && customer.answeredNanos < 0) {
                answered(customer);
            }
            if (call.isEnded()) {
                ended(customer, customer.hangingUp ? "customer" : "agent");
            }
        } else if (event instanceof CallEvent.DtmfSent dtmf && !dtmf.sender().equals(customer.arrival.from())) {
            log(customer, "dtmf", dtmf.sender() + " keyed " + dtmf.digits());
        }
    }

    private void offered(Customer customer, String dn) {
        customer.offeredTo.add(dn);
        log(customer, "offered", "rings " + dn);
    }

    private void answered(Customer customer) {
        customer.answeredNanos = loop.nanoTime();
        Scenario.Behaviour behaviour = customer.arrival.group().behaviour();
        if (behaviour.talkFor() != null) {
            customer.timers.add(loop.schedule(behaviour.talkFor(), () -> hangUp(customer, "hangs up after talking " + seconds(behaviour.talkFor()) + "s")));
        }
        for (Scenario.Dtmf keys : behaviour.dtmf()) {
            customer.timers.add(loop.schedule(keys.after(), () -> key(customer, keys.digits())));
        }
    }

    private synchronized void key(Customer customer, String digits) {
        if (!customer.inCall()) {
            return;
        }
        log(customer, "dtmf", customer.arrival.from() + " keys " + digits);
        simulator.customerDtmf(customer.callId, customer.arrival.from(), digits).whenComplete((ok, failure) -> {
            if (failure != null) {
                synchronized (this) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    log(customer, "dtmf", "the digits were not sent: " + cause.getMessage());
                }
            }
        });
    }

    private synchronized void hangUp(Customer customer, String why) {
        if (!customer.inCall() || customer.hangingUp) {
            return;
        }
        customer.hangingUp = true;
        log(customer, "hangsUp", customer.arrival.from() + " " + why);
        String callId = customer.callId;
        simulator.customerHangUp(callId, customer.arrival.from()).whenComplete((ok, failure) -> {
            synchronized (this) {
                // A queued call has no party of this switch, so no event tells of its end: this does.
                if (failure == null || telephony.call(callId).isEmpty()) {
                    ended(customer, "customer");
                }
            }
        });
    }

    private void ended(Customer customer, String by) {
        if (customer.endedNanos >= 0) {
            return;
        }
        customer.endedNanos = loop.nanoTime();
        customer.endedBy = by;
        cancelTimers(customer);
        bindings.unbind(customer.callId);
        log(customer, "ended", "ended: " + customer.outcome() + (customer.answeredNanos >= 0 ? ", talked " + seconds(customer.endedNanos - customer.answeredNanos) + "s" : ""));
        finishIfDone();
    }

    /** A safety net: a call that ended without an event this run saw (none of this switch's parties was in it). */
    private synchronized void reconcile() {
        for (Customer customer : customers) {
            if (customer.inCall() && telephony.call(customer.callId).isEmpty()) {
                ended(customer, customer.hangingUp ? "customer" : "switch");
            }
        }
        if (state == State.RUNNING || customers.stream().anyMatch(Customer::inCall)) {
            reconcile = loop.schedule(Duration.ofSeconds(1), this::reconcile);
        }
    }

    private void finishIfDone() {
        if (state == State.RUNNING && customers.stream().allMatch(Customer::done)) {
            state = State.FINISHED;
            endNanos = loop.nanoTime();
            log(null, "finished", "finished");
            released();
        }
    }

    /** The run is over: what it held for its customers goes. */
    private void released() {
        if (reconcile != null && customers.stream().noneMatch(Customer::inCall)) {
            reconcile.cancel();
        }
        for (Customer customer : customers) {
            if (customer.arrival.group().behaviour().busy()) {
                bindings.busy(customer.arrival.from(), false);
            }
        }
    }

    private static void cancelTimers(Customer customer) {
        customer.timers.forEach(SwitchLoop.Timer::cancel);
        customer.timers.clear();
    }

    private void log(Customer customer, String event, String text) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", ++logged);
        entry.put("at", seconds(loop.nanoTime() - startNanos));
        if (customer != null) {
            entry.put("customer", customer.arrival.index());
        }
        entry.put("event", event);
        entry.put("text", text);
        log.addLast(entry);
        if (log.size() > MAX_LOG) {
            log.removeFirst();
        }
    }

    // ---- what readers see ----

    /** The run in a few fields, for the list of runs. */
    synchronized Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        summary.put("name", scenario.name());
        summary.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        summary.put("startedAt", startedAt.toString());
        summary.put("elapsed", seconds((state == State.RUNNING ? loop.nanoTime() : endNanos) - startNanos));
        summary.put("totals", totals());
        return summary;
    }

    /** The whole report: each customer, the totals, and the timeline entries after {@code since}. */
    synchronized Map<String, Object> report(long since) {
        Map<String, Object> report = summary();
        report.put("description", scenario.description());
        report.put("customers", customers.stream().map(this::customer).toList());
        report.put("timeline", log.stream().filter(e -> (long) e.get("seq") > since).toList());
        return report;
    }

    private Map<String, Object> customer(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customer", c.arrival.index());
        m.put("group", c.arrival.group().label());
        m.put("from", c.arrival.from());
        m.put("to", c.arrival.group().to());
        m.put("plannedAt", seconds(c.arrival.at()));
        m.put("outcome", c.outcome());
        if (c.calledNanos >= 0) {
            m.put("calledAt", seconds(c.calledNanos - startNanos));
        }
        if (c.callId != null) {
            m.put("callId", c.callId);
        }
        if (c.calledNanos >= 0 && c.refusal == null) {
            long waitedUntil = c.answeredNanos >= 0 ? c.answeredNanos : c.endedNanos >= 0 ? c.endedNanos : loop.nanoTime();
            m.put("waited", seconds(waitedUntil - c.calledNanos));
        }
        m.put("offeredTo", List.copyOf(c.offeredTo));
        m.put("answeredBy", List.copyOf(c.answeredBy));
        if (c.answeredNanos >= 0) {
            m.put("talked", seconds((c.endedNanos >= 0 ? c.endedNanos : loop.nanoTime()) - c.answeredNanos));
        }
        if (c.endedBy != null) {
            m.put("endedBy", c.endedBy);
        }
        if (c.refusal != null) {
            m.put("refusal", c.refusal);
        }
        return m;
    }

    private Map<String, Object> totals() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String outcome : List.of("answered", "abandoned", "unanswered", "refused", "waiting", "talking", "planned", "notCalled")) {
            counts.put(outcome, 0);
        }
        long answeredWait = 0;
        long longestWait = 0;
        int answered = 0;
        long now = loop.nanoTime();
        for (Customer c : customers) {
            counts.merge(c.outcome(), 1, Integer::sum);
            if (c.calledNanos >= 0 && c.refusal == null) {
                long until = c.answeredNanos >= 0 ? c.answeredNanos : c.endedNanos >= 0 ? c.endedNanos : now;
                longestWait = Math.max(longestWait, until - c.calledNanos);
                if (c.answeredNanos >= 0) {
                    answeredWait += c.answeredNanos - c.calledNanos;
                    answered++;
                }
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("customers", customers.size());
        totals.putAll(counts);
        totals.put("averageWait", answered == 0 ? 0.0 : seconds(answeredWait / answered));
        totals.put("longestWait", seconds(longestWait));
        return totals;
    }

    private static double seconds(Duration duration) {
        return seconds(duration.toNanos());
    }

    /** Seconds with millisecond precision, as the report gives every time. */
    private static double seconds(long nanos) {
        return Math.round(nanos / 1_000_000.0) / 1000.0;
    }
}
