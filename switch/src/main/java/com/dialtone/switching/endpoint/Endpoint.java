package com.dialtone.switching.endpoint;

import com.dialtone.switching.ReleaseCause;
import com.dialtone.switching.SwitchRejection;

/**
 * The physical side of the parties of one kind of device: how a DN's phone or an external number rings,
 * answers, holds and hangs up. The call logic (calls, parties, the ACD, agent rules, supervision) is the
 * same whatever the devices are; an endpoint only carries out what that logic decided, and reports what
 * its devices did. The simulated phone of every DN, the simulated far ends of the dial plan and the
 * simulated customers are endpoints; so is a SIP implementation. {@link Endpoints} says which endpoint
 * plays which number.
 *
 * <h2>Actions</h2>
 * The methods below are the switch's physical actions on one {@link Leg} (one party's connection). They
 * are called on the switch's thread, in the unit of work that decided them and in the order it made its
 * changes, once the call model has changed: when {@link #hold} is called the party is already held. They
 * must not block (hand network I/O to something asynchronous) and must not call back into the switch's
 * requests; what the device does in return is reported on the leg, later. Only {@link #requireReady} and
 * {@link #answer} are called before anything changed, and only they may refuse, by throwing
 * {@link SwitchRejection}.
 *
 * <h2>Reports</h2>
 * What a device does (answers, is busy, hangs up, puts itself on hold, sends digits) is reported through
 * its {@link Leg}, from any thread; each report becomes a unit of work of its own on the switch's
 * thread. A report about the party's own move is not echoed back as an action: a leg that reported
 * {@link Leg#hungUp()} is not told to {@link #release}, one that reported {@link Leg#held()} is not told
 * to {@link #hold}.
 */
public interface Endpoint {

    /**
     * Refuses a request that needs the device of {@code number} (a DN this endpoint plays) while the
     * device cannot carry it out: a SIP phone that is not registered. Called on the switch's thread before
     * the request changes anything, for the requests in which the DN's own device must act: dial, answer,
     * hold, retrieve, swap, mute, DTMF, consult, single-step conference, completing a conference,
     * recording and starting to monitor. Leaving a call (release, reject, transfers) is never refused: a
     * party can always go.
     *
     * @throws SwitchRejection with {@link SwitchRejection.Reason#DEVICE_UNAVAILABLE} and a message for
     *                         people, such as {@code Device '15001' is not registered.}
     */
    void requireReady(String number);

    /**
     * The switch places a call from the leg's device at a client's request (a dial or a consult call):
     * the party is {@code DIALING}. A simulated phone does nothing; a SIP endpoint invites the agent's
     * phone with auto-answer (third-party call control). Not called for a call the device started itself
     * ({@link DeviceCalls}).
     */
    void dial(Leg leg);

    /**
     * The leg's device is called: ring the DN's phone, or call the external number. The party is
     * {@code RINGING} from now on; report {@link Leg#answered()}, {@link Leg#busy()},
     * {@link Leg#noAnswer()} or {@link Leg#declined()} as the device does. A device that cannot be
     * reached at all (a SIP phone that is not registered) reports {@link Leg#busy()}.
     */
    void ring(Leg leg);

    /**
     * A client asks the ringing device to answer. Called before anything changed; may refuse with
     * {@link SwitchRejection} (a phone that answers only by hand).
     *
     * @return true if the device answered at once, so that the switch connects the call in this request
     * (the simulated phone); false if it reports {@link Leg#answered()} when it has (a SIP phone asked to
     * answer with {@code NOTIFY Event: talk})
     */
    boolean answer(Leg leg);

    /**
     * The party is connected, for the first time on this leg: its device answered, or the party it was
     * dialling did. A SIP endpoint connects the media of the parties (re-INVITEs the caller's phone with the
     * far end's SDP); a simulated far end or customer starts its talk timers.
     */
    void connect(Leg leg);

    /**
     * The party stays connected, but whom it talks to changed: another party went on hold or came back,
     * joined or left (a transfer or a conference re-bridged the call; see {@link Leg#peers()}). A SIP
     * endpoint re-INVITEs the device with the media of its new peers, or none.
     */
    void update(Leg leg);

    /** The party was put on hold at a client's request: stop its media (re-INVITE {@code sendonly}). */
    void hold(Leg leg);

    /** The party was taken off hold at a client's request: resume its media (re-INVITE {@code sendrecv}). */
    void retrieve(Leg leg);

    /**
     * Another party sent DTMF digits into the call at a client's request: play them to this leg's device
     * (SIP {@code INFO}). Digits a device reported itself ({@link Leg#dtmf}) travelled in its media or
     * signalling already and are not played again.
     */
    void playDtmf(Leg leg, String digits);

    /**
     * The switch takes the party out of the call: hang up (BYE), stop ringing it (CANCEL) or refuse the call
     * it made (486 for {@link ReleaseCause#BUSY}, 603 for {@link ReleaseCause#REJECTED}). Not called when the
     * leg reported its own end, nor when the party goes on in another call with the same leg (a
     * consultation completed: {@link Leg#callId()} changed and {@link #update} follows).
     */
    void release(Leg leg, ReleaseCause cause);
}
