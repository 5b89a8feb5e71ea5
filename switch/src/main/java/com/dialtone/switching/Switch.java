package com.dialtone.switching;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A telephone switch as Dialtone's server sees it: DNs, the agents logged in on them, routing points
 * with their queues, and calls between them and external numbers.
 * The embedded switch implements it; the devices behind it, simulated or real (SIP phones and trunks),
 * plug in below it as endpoints ({@link com.dialtone.switching.endpoint.Endpoint}), not as a second switch.
 *
 * <h2>Requests</h2>
 * Every request returns a future that completes once the switch has accepted the request and made the
 * change it can make at once (a dial creates the call; an answer connects it). It completes
 * exceptionally with {@link SwitchRejection} when the request is refused, in which case nothing changed.
 * What happens later (the far end answers, is busy, hangs up) arrives only as {@link CallEvent}s, and
 * every change of a DN's own state as a {@link DnEvent}.
 *
 * <h2>Routing points</h2>
 * A call to a routing point (by dialling, transfer, consultation, forwarding or a customer calling in)
 * waits in its queue and is offered, first in line first, to the longest-idle agent of the routing point
 * who is {@link AgentState#READY}, has no call, and has neither do-not-disturb nor forwarding on. The
 * offer rings the agent; if it is rejected or not answered in time the call goes back to the head of the
 * queue and is not offered to that agent again (one who does not answer is also made
 * {@link AgentState#NOT_READY}). A caller who hangs up leaves the queue. An agent configured with a
 * wrap-up time goes to {@link AgentState#AFTER_CALL_WORK} when a routed call ends, and back to
 * {@link AgentState#READY} when it runs out.
 *
 * <h2>Reading</h2>
 * {@link #call} and {@link #callsAt} return snapshots and never wait for the switch: they may lag the
 * latest change by the time it takes to publish it, never more.
 */
public interface Switch {

    /** Adds a listener for every event of every call and DN. */
    void addListener(SwitchListener listener);

    /**
     * Makes a call from a DN of this switch. The call starts with {@code dn} dialling and the
     * destination ringing (a DN of this switch) or alerted (an external number). A DN is active (dialling
     * or established) in one call at a time: a call it has established is put on hold first; one it is
     * still dialling makes the request fail.
     *
     * @param location the location to use for the call, kept on it; may be null
     * @return the call just after it was created
     */
    CompletableFuture<CallSnapshot> dial(String dn, String destination, UserData userData, String location);

    /**
     * Answers a call ringing on {@code dn}; its caller becomes established too. A call {@code dn} has
     * established is put on hold first (call waiting).
     */
    CompletableFuture<Void> answer(String callId, String dn);

    /** Refuses a call ringing on {@code dn}; its caller is told the destination rejected it. */
    CompletableFuture<Void> reject(String callId, String dn);

    /**
     * Takes {@code dn} out of the call; when fewer than two parties would be left, the call ends and every
     * party is released.
     */
    CompletableFuture<Void> release(String callId, String dn);

    /**
     * Ends the call for every party at once, at the request of {@code dn}, one of them (T-Server's
     * TClearCall): {@code dn} hangs up, everyone else is released as by the other party hanging up.
     */
    CompletableFuture<Void> clearCall(String callId, String dn);

    /** Puts {@code dn}'s established party on hold; the others stay connected to each other. */
    CompletableFuture<Void> hold(String callId, String dn);

    /** Takes {@code dn}'s party off hold; refused while {@code dn} is active in another call. */
    CompletableFuture<Void> retrieve(String callId, String dn);

    /** Mutes or unmutes {@code dn}'s established party. */
    CompletableFuture<Void> setMuted(String callId, String dn, boolean muted);

    /**
     * Hands {@code dn}'s place in the call to the destination and takes {@code dn} out: the destination
     * rings (or is alerted) with the other parties still in the call.
     */
    CompletableFuture<Void> singleStepTransfer(String callId, String dn, String destination, UserData userData, String location);

    /**
     * Adds the destination to the call as a new party, ringing (or alerted); {@code dn} stays as it is.
     */
    CompletableFuture<Void> singleStepConference(String callId, String dn, String destination, UserData userData, String location);

    /**
     * Starts a consult call from {@code dn} to the destination, about the given call, which {@code dn}
     * puts on hold. The consult call has type {@link CallType#CONSULT}, the given call as parent, and the
     * parent's user data plus the given pairs. One consult per call at a time.
     *
     * @return the consult call just after it was created
     */
    CompletableFuture<CallSnapshot> initiateConsult(String callId, String dn, String destination, UserData userData, String location);

    /**
     * Ends a consultation by transfer: the consult call's other parties join its parent call (ringing if
     * they have not answered yet), with the consult's user data; {@code dn} leaves both calls.
     */
    CompletableFuture<Void> completeTransfer(String consultCallId, String dn);

    /**
     * Ends a consultation by conference: the consult call's other parties join its parent call, and
     * {@code dn} is taken off hold there.
     */
    CompletableFuture<Void> completeConference(String consultCallId, String dn);

    /** Takes another party out of a call of three or more, in which {@code dn} is established. */
    CompletableFuture<Void> removeParty(String callId, String dn, String party);

    /** Puts {@code dn}'s established one of the two calls on hold and takes the held one off hold. */
    CompletableFuture<Void> swap(String callId, String dn, String otherCallId);

    /** Starts, pauses, resumes or stops the recording of a call {@code dn} is established in. */
    CompletableFuture<Void> setRecording(String callId, String dn, RecordingState state);

    /** Sends DTMF digits from {@code dn} into the call. */
    CompletableFuture<Void> sendDtmf(String callId, String dn, String digits);

    /** Adds the pairs to the call's user data. */
    CompletableFuture<Void> attachUserData(String callId, String dn, UserData pairs);

    /** Adds the pairs to the call's user data, replacing the values of keys that are there. */
    CompletableFuture<Void> updateUserData(String callId, String dn, UserData pairs);

    /** Removes all of the call's user data. */
    CompletableFuture<Void> deleteUserData(String callId, String dn);

    /** Removes one key from the call's user data; refused if the key is not there. */
    CompletableFuture<Void> deleteUserDataPair(String callId, String dn, String key);

    // ---- agents and DN features ----

    /**
     * Logs an agent in on the DN: it becomes {@link AgentState#NOT_READY}. Logging in again changes
     * nothing (the event still comes).
     */
    CompletableFuture<Void> login(String dn);

    /** Logs the DN's agent out; its calls go on, but none is routed to it. */
    CompletableFuture<Void> logout(String dn);

    /**
     * Sets the logged-in agent's state: {@link AgentState#READY}, {@link AgentState#NOT_READY},
     * {@link AgentState#AFTER_CALL_WORK} or {@link AgentState#AUX_WORK}. Refused while logged out.
     *
     * @param wrapUpTime with {@link AgentState#AFTER_CALL_WORK}: how long until the agent is made
     *                   {@link AgentState#READY}, or null to stay until told otherwise; must be null for
     *                   other states
     */
    CompletableFuture<Void> setAgentState(String dn, AgentState state, java.time.Duration wrapUpTime);

    /** Turns do-not-disturb on or off. */
    CompletableFuture<Void> setDoNotDisturb(String dn, boolean on);

    /**
     * Forwards every call to the DN to {@code destination} (a DN, routing point or external number, not
     * the DN itself), or stops forwarding when it is null. Forwarding goes one hop: a call forwarded to a
     * DN that forwards too rings there.
     */
    CompletableFuture<Void> setForwarding(String dn, String destination);

    /**
     * Starts monitoring the target DN from the supervisor's DN. If the target is established in a call,
     * the supervisor joins it now; otherwise it joins the target's next call once established. The
     * supervisor's party rings, and takes part as the mode says once answered. One supervisor per target,
     * one monitoring per supervisor.
     */
    CompletableFuture<Void> startMonitoring(String supervisorDn, Monitoring monitoring);

    /** Stops the supervisor's monitoring; a supervisor in a monitored call leaves it. */
    CompletableFuture<Void> cancelMonitoring(String supervisorDn);

    /**
     * Changes how a monitoring supervisor takes part in the call: listen-in and barge-in switch either
     * way; a coach may switch to either, but nobody switches to coaching.
     */
    CompletableFuture<Void> setMonitoringMode(String callId, String supervisorDn, MonitoringMode mode);

    /** A monitoring supervisor mutes or unmutes the monitored agent in the call (takes over the call). */
    CompletableFuture<Void> setMonitoredPartyMuted(String callId, String supervisorDn, boolean muted);

    // ---- provisioning ----

    /**
     * Adds a DN, for a newly provisioned device: logged out, with no features and in no routing point,
     * it can dial, be dialled and log in as soon as the future completes. Refused when the number is
     * already a DN or a routing point, or is not 1 to 32 digits.
     */
    CompletableFuture<Void> addDn(String dn);

    /**
     * Removes a DN. Refused while it is a party of any call (ringing, dialling, established or held), and
     * while it monitors or is monitored by a supervisor, so no call or monitoring is ever left with a DN
     * that is gone. A logged-in agent is logged out first, with its {@link DnEvent} as for a logout.
     * From then on the number is what any other unknown number is: calls to it go outside the switch
     * (as the dial plan says), requests naming it are refused, {@link #dn} is empty, and it is no agent
     * of any routing point and has no wrap-up time.
     */
    CompletableFuture<Void> removeDn(String dn);

    /**
     * Sets which routing points' calls the DN's agent takes, replacing the previous set (empty for none),
     * and how long it wraps up after a routed call (null or zero for no after-call work). Refused for an
     * unknown DN or routing point, or a negative time; then nothing changed. It takes effect from the next
     * offer, and the wrap-up time from the next routed call that ends: a call already ringing on the
     * agent stays, and after-call work under way runs its course. An agent who is ready and idle and now
     * takes the calls of a routing point with waiting calls is offered one at once, as if it had just
     * become ready. Agents keep their place in the longest-idle order. No {@link DnEvent}: the DN's own
     * state does not change.
     */
    CompletableFuture<Void> setRouting(String dn, Set<String> routingPoints, java.time.Duration wrapUpTime);

    // ---- reading DNs and routing points ----

    /** The DN's own state now; never waits for the switch. Empty for a number that is not a DN. */
    Optional<DnSnapshot> dn(String dn);

    /** Every routing point and the calls waiting in its queue; never waits for the switch. */
    List<RoutingPointSnapshot> routingPoints();

    // ---- reading calls ----

    /** The call with this id, while it lasts. */
    Optional<CallSnapshot> call(String callId);

    /** The calls in which {@code dn} is a party that has not been released, oldest first. */
    List<CallSnapshot> callsAt(String dn);
}
