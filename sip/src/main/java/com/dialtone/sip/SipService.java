package com.dialtone.sip;

import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dialtone's SIP side: a registrar for the phones (digest against the stored HA1) and a back-to-back user agent
 * that makes and takes their calls and the trunks', in third-party call control with media directly between the
 * ends. It is the one class that talks to JAIN-SIP; the switch sees only {@link SipLeg}s, these methods and
 * {@link SipEvents}.
 *
 * <h2>Threads</h2>
 * Everything happens on one thread, the SIP loop: JAIN-SIP's callbacks and the public methods hand their work to
 * it, so legs and registrations need no locks, and {@link SipEvents} are told in the order things happened. The
 * public methods return at once; what follows arrives as events.
 */
public final class SipService implements SipListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipService.class);
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final String DTMF_RELAY = "dtmf-relay";

    private final SipSettings settings;
    private final SipEvents events;
    private final Clock clock;
    private final ScheduledExecutorService loop;
    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final Digest digest;
    private final Registrar registrar;
    private final Map<String, SipLeg> legs = new ConcurrentHashMap<>();
    private final AtomicLong legIds = new AtomicLong();
    private final HoldSink holdSink;

    private SipService(SipSettings settings, SipEvents events, Clock clock) throws SipException {
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dialtone-sip");
            thread.setDaemon(true);
            return thread;
        });
        this.digest = new Digest(clock);
        try {
            this.holdSink = new HoldSink(settings.host());
        } catch (java.io.IOException e) {
            loop.shutdownNow();
            throw new SipException("SIP could not open its hold sink on " + settings.host() + ": " + e.getMessage(), e);
        }
        this.registrar = new Registrar(settings.registration(), clock, events::registration);
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "dialtone-sip-" + STACKS.incrementAndGet());
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        try {
            stack = factory.createSipStack(properties);
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
            ListeningPoint udp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.TCP);
            provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.addSipListener(this);
            stack.start();
        } catch (javax.sip.PeerUnavailableException | javax.sip.TransportNotSupportedException | InvalidArgumentException
                 | javax.sip.ObjectInUseException | java.util.TooManyListenersException e) {
            loop.shutdownNow();
            holdSink.close();
            throw new SipException("SIP could not listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        long tick = Math.max(200, Math.min(settings.keepAlive().interval().toMillis(), 1000));
        loop.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Starts listening on the settings' host and port, UDP and TCP. */
    public static SipService start(SipSettings settings, SipEvents events, Clock clock) throws SipException {
        return new SipService(settings, events, clock);
    }

    public SipSettings settings() {
        return settings;
    }

    /** Any thread. */
    public boolean isRegistered(String dn) {
        return registrar.find(dn).isPresent();
    }

    /** Any thread. */
    public Optional<Registration> registration(String dn) {
        return registrar.find(dn);
    }

    // ---- what the switch asks for ----

    /**
     * Calls a registered phone. With {@code mediaFrom} null, the INVITE carries no offer and asks the phone to
     * answer by itself (Call-Info answer-after=0, Alert-Info info=alert-autoanswer, Answer-Mode: Auto): the first
     * leg of a Dial, acknowledged with an inactive placeholder as soon as it answers, re-INVITEd with the far end's
     * media once that answers. Otherwise the phone rings with {@code mediaFrom}'s media as the offer.
     *
     * @throws NotRegistered if the DN has no registration now
     */
    public SipLeg callPhone(String dn, String callerNumber, boolean autoAnswer, SipLeg mediaFrom) throws NotRegistered {
        Registration registration = registrar.find(dn).orElseThrow(() -> new NotRegistered(dn));
        SipLeg leg = newLeg(SipLeg.Kind.PHONE, dn, true);
        loop.execute(() -> whenMediaKnown(mediaFrom, leg, () -> sendInvite(leg, registration.contact(), registration.transport(),
                callerNumber, autoAnswer, mediaFrom == null ? null : mediaFrom.remoteSdp)));
        return leg;
    }

    /**
     * Calls an external number through a trunk, with {@code mediaFrom}'s media as the offer (the agent's phone,
     * once it answered: the INVITE waits for that). The Request-URI is {@code sip:number@host:port;transport=...}.
     */
    public SipLeg callTrunk(SipSettings.Trunk trunk, String number, String callerNumber, SipLeg mediaFrom) {
        SipLeg leg = newLeg(SipLeg.Kind.TRUNK, number, true);
        String target = "sip:" + number + "@" + trunk.host() + ":" + trunk.port() + ";transport=" + trunk.transport();
        loop.execute(() -> whenMediaKnown(mediaFrom, leg, () -> sendInvite(leg, target, trunk.transport(), callerNumber, false,
                mediaFrom == null ? null : mediaFrom.remoteSdp)));
        return leg;
    }

    /**
     * Runs {@code invite} once {@code first}'s end has described its media: at once when it has (or there is no
     * first leg), else when it answers. The re-INVITE flow's second INVITE waits so for the agent's phone.
     */
    private void whenMediaKnown(SipLeg first, SipLeg leg, Runnable invite) {
        if (first == null || first.remoteSdp != null || first.state == SipLeg.State.ENDED) {
            invite.run();
        } else {
            first.waiting.add(invite);
        }
    }

    /**
     * Answers an incoming call (from a phone or a trunk) with its peer's media, or, when it has no peer yet, with
     * the hold sink (its audio goes nowhere until it is bridged). Nothing for a leg that is not ringing in.
     */
    public void answer(SipLeg leg) {
        loop.execute(() -> {
            if (leg.isOutgoing() || leg.state == SipLeg.State.CONFIRMED || leg.state == SipLeg.State.ENDED || leg.incomingInvite == null) {
                return;
            }
            try {
                Sdp media = leg.peer != null && leg.peer.remoteSdp != null ? mediaFor(leg)
                        : leg.remoteSdp != null ? leg.remoteSdp.withConnection(settings.host(), holdSink.port()).withDirection(Sdp.SENDRECV) : null;
                Response ok = messages.createResponse(Response.OK, leg.incomingInvite.getRequest());
                ok.addHeader(ourContact(transportOf(leg.incomingInvite.getRequest())));
                if (media != null) {
                    Sdp answer = leg.stamp(media, settings.host());
                    leg.sentSdp = answer;
                    ok.setContent(answer.toString(), headers.createContentTypeHeader("application", "sdp"));
                }
                leg.state = SipLeg.State.CONFIRMED;
                leg.lastKeepAliveAnswer = System.nanoTime();
                leg.incomingInvite.sendResponse(ok);
            } catch (Exception e) {
                LOG.warn("answer of {} failed", leg, e);
            }
        });
    }

    /**
     * Connects the media of two legs: each end is given the other's media (re-INVITEs where what it has differs),
     * both ways, and again whenever either end's media changes.
     */
    public void bridge(SipLeg a, SipLeg b) {
        loop.execute(() -> {
            a.peer = b;
            b.peer = a;
            a.held = false;
            b.held = false;
            reconcile(a);
            reconcile(b);
        });
    }

    /** Dialtone puts the leg's end on hold: it and its peer are given each other's media inactive. */
    public void hold(SipLeg leg, boolean held) {
        loop.execute(() -> {
            leg.held = held;
            if (leg.peer != null) {
                leg.peer.held = held;
                reconcile(leg.peer);
            }
            reconcile(leg);
        });
    }

    /**
     * The leg's end alone hears nothing and is heard by no one (its media goes to the hold sink), whatever its
     * peer does: a party whose other party went on hold, or who waits for one (a consultation under way).
     */
    public void isolate(SipLeg leg) {
        loop.execute(() -> {
            leg.held = true;
            reconcile(leg);
        });
    }

    /** True until {@link #close}. */
    public boolean isRunning() {
        return !loop.isShutdown();
    }

    /** Ends the leg from Dialtone's side: BYE once answered, CANCEL while ringing, 486 to an incoming call. */
    public void hangUp(SipLeg leg) {
        hangUp(leg, Response.BUSY_HERE);
    }

    /** As {@link #hangUp(SipLeg)}, refusing an incoming call that is still ringing with {@code refusal} (486, 603, 404). */
    public void hangUp(SipLeg leg, int refusal) {
        loop.execute(() -> end(leg, refusal));
    }

    /** Sends DTMF digits to the leg's end as SIP INFO ({@code application/dtmf-relay}), one after the other. */
    public void sendDtmf(SipLeg leg, String digits) {
        loop.execute(() -> {
            for (char digit : digits.toCharArray()) {
                inDialog(leg, Request.INFO, "application", DTMF_RELAY, "Signal=" + digit + "\r\nDuration=160\r\n");
            }
        });
    }

    @Override
    public void close() {
        loop.execute(() -> legs.values().forEach(leg -> end(leg, Response.TEMPORARILY_UNAVAILABLE)));
        loop.shutdown();
        try {
            loop.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stack.stop();
        holdSink.close();
    }

    /** The DN has no registration: what GWS reports as "Device '15001' is not registered." */
    public static final class NotRegistered extends Exception {
        public NotRegistered(String dn) {
            super("Device '" + dn + "' is not registered.", null, false, false);
        }
    }

    // ---- JAIN-SIP's callbacks: each goes to the loop ----

    @Override
    public void processRequest(RequestEvent event) {
        loop.execute(() -> {
            try {
                request(event);
            } catch (Exception e) {
                LOG.warn("SIP request {} failed", event.getRequest().getMethod(), e);
                respond(event, Response.SERVER_INTERNAL_ERROR);
            }
        });
    }

    @Override
    public void processResponse(ResponseEvent event) {
        loop.execute(() -> {
            try {
                response(event);
            } catch (Exception e) {
                LOG.warn("SIP response {} failed", event.getResponse().getStatusCode(), e);
            }
        });
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        loop.execute(() -> {
            if (event.isServerTransaction() || event.getClientTransaction() == null) {
                return;
            }
            SipLeg leg = legOf(event.getClientTransaction().getDialog());
            if (leg != null && event.getClientTransaction().getRequest().getMethod().equals(Request.INVITE) && leg.state != SipLeg.State.CONFIRMED) {
                fail(leg, SipEvents.Failure.UNREACHABLE);
            }
        });
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("SIP I/O error towards {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    // ---- requests ----

    private void request(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (method.equals(Request.REGISTER)) {
            register(event);
            return;
        }
        if (method.equals(Request.ACK)) {
            ack(event);
            return;
        }
        SipLeg leg = legOf(event.getDialog());
        boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        if (method.equals(Request.CANCEL)) {
            cancel(event);
            return;
        }
        if (inDialog && leg == null) {
            respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST); // an unknown dialog changes nothing
            return;
        }
        switch (method) {
            case Request.OPTIONS -> respond(event, Response.OK);
            case Request.BYE -> {
                respond(event, Response.OK);
                if (leg.state != SipLeg.State.ENDED) {
                    leg.state = SipLeg.State.ENDED;
                    forget(leg);
                    events.hungUp(leg);
                }
            }
            case Request.INVITE -> {
                if (leg != null) {
                    reinvited(event, leg);
                } else {
                    incoming(event);
                }
            }
            case Request.INFO -> info(event, leg);
            default -> respond(event, Response.METHOD_NOT_ALLOWED);
        }
    }

    private void register(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        String dn = to.getAddress().getURI() instanceof SipURI uri ? uri.getUser() : null;
        String ha1 = dn == null ? null : settings.phones().get(dn);
        if (ha1 == null) {
            respond(event, Response.NOT_FOUND);
            return;
        }
        AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        Digest.NonceCheck nonce = authorization == null ? null : digest.check(authorization.getNonce());
        if (authorization == null || nonce != Digest.NonceCheck.GOOD || !dn.equals(authorization.getUsername())
                || !settings.realm().equals(authorization.getRealm())) {
            challenge(event, nonce == Digest.NonceCheck.STALE);
            return;
        }
        String nc = authorization.getNonceCount() < 0 ? null : String.format("%08x", authorization.getNonceCount());
        if (!Digest.verify(ha1, request.getMethod(), authorization.getURI().toString(), authorization.getNonce(),
                authorization.getQop(), nc, authorization.getCNonce(), authorization.getResponse())) {
            LOG.info("SIP REGISTER for {}: wrong password", dn);
            respond(event, Response.FORBIDDEN);
            return;
        }
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        ExpiresHeader expiresHeader = request.getExpires();
        Integer asked = contact != null && contact.getExpires() >= 0 ? Integer.valueOf(contact.getExpires())
                : expiresHeader != null ? Integer.valueOf(expiresHeader.getExpires()) : null;
        if (contact != null && contact.isWildCard()) {
            asked = 0;
        }
        if (registrar.tooBrief(asked)) {
            Response response = messages.createResponse(Response.INTERVAL_TOO_BRIEF, request);
            response.addHeader(headers.createMinExpiresHeader((int) registrar.min().toSeconds()));
            send(event, response);
            return;
        }
        Duration granted = registrar.grant(asked);
        Response response = messages.createResponse(Response.OK, request);
        if (granted.isZero() || contact == null) {
            if (granted.isZero()) {
                registrar.unregister(dn);
            }
        } else {
            String transport = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(java.util.Locale.ROOT);
            UserAgentHeader agent = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
            registrar.register(dn, contact.getAddress().getURI().toString(), transport, granted,
                    agent == null ? null : String.join(" ", toStrings(agent.getProduct())));
            ContactHeader granted1 = (ContactHeader) contact.clone();
            granted1.setExpires((int) granted.toSeconds());
            response.addHeader(granted1);
        }
        send(event, response);
    }

    private void challenge(RequestEvent event, boolean stale) throws Exception {
        Response response = messages.createResponse(Response.UNAUTHORIZED, event.getRequest());
        WWWAuthenticateHeader www = headers.createWWWAuthenticateHeader("Digest");
        www.setRealm(settings.realm());
        www.setNonce(digest.newNonce());
        www.setAlgorithm("MD5");
        www.setQop("auth");
        if (stale) {
            www.setParameter("stale", "true");
        }
        response.addHeader(www);
        send(event, response);
    }

    private void ack(RequestEvent event) {
        SipLeg leg = legOf(event.getDialog());
        if (leg == null) {
            return;
        }
        byte[] body = event.getRequest().getRawContent();
        if (body != null && body.length > 0) {
            media(leg, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void cancel(RequestEvent event) {
        respond(event, Response.OK);
        ServerTransaction cancelled = event.getServerTransaction() instanceof SIPServerTransaction st ? st.getCanceledInviteTransaction() : null;
        SipLeg leg = cancelled == null ? null : legOf(cancelled.getDialog());
        if (leg == null || leg.state == SipLeg.State.CONFIRMED || leg.state == SipLeg.State.ENDED) {
            return;
        }
        try {
            cancelled.sendResponse(messages.createResponse(Response.REQUEST_TERMINATED, cancelled.getRequest()));
        } catch (Exception e) {
            LOG.debug("487 after CANCEL not sent", e);
        }
        leg.state = SipLeg.State.ENDED;
        forget(leg);
        events.hungUp(leg);
    }

    /** The end re-INVITEs us: it put the call on hold or took it off, or moved its media. */
    private void reinvited(RequestEvent event, SipLeg leg) throws Exception {
        if (leg.reinviting) {
            respond(event, Response.REQUEST_PENDING); // glare (RFC 3261 §14.1): it will try again
            return;
        }
        byte[] body = event.getRequest().getRawContent();
        Sdp offer;
        try {
            offer = body == null || body.length == 0 ? null : Sdp.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            respond(event, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        boolean wasHeld = leg.remoteSdp != null && leg.remoteSdp.isHold();
        if (offer != null) {
            leg.remoteSdp = offer;
        }
        Sdp peerMedia = leg.peer != null && leg.peer.remoteSdp != null ? leg.peer.remoteSdp : leg.sentSdp;
        Response ok = messages.createResponse(Response.OK, event.getRequest());
        ok.addHeader(ourContact(transportOf(event.getRequest())));
        if (peerMedia != null) {
            String direction = offer == null ? Sdp.SENDRECV : Sdp.answerDirection(offer.direction());
            Sdp answer = leg.stamp(peerMedia.withDirection(direction), settings.host());
            leg.sentSdp = answer;
            ok.setContent(answer.toString(), headers.createContentTypeHeader("application", "sdp"));
        }
        send(event, ok);
        boolean nowHeld = offer != null && offer.isHold();
        if (leg.peer != null) {
            reconcile(leg.peer);
        }
        if (nowHeld != wasHeld) {
            events.holdChanged(leg, nowHeld);
        }
    }

    /**
     * A new call: from a trunk (the request comes from a trunk's address and port) or from a registered phone
     * dialling on its handset (digest-authenticated as for REGISTER). Anything else is refused with 403. The call
     * rings (180) until the switch answers or refuses it.
     */
    private void incoming(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        gov.nist.javax.sip.message.SIPRequest raw = (gov.nist.javax.sip.message.SIPRequest) request;
        String remoteHost = raw.getRemoteAddress() == null ? null : raw.getRemoteAddress().getHostAddress();
        int remotePort = raw.getRemotePort();
        String from = userOf(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
        String to = userOf(request.getRequestURI());
        SipSettings.Trunk trunk = settings.trunks().stream()
                .filter(t -> sameHost(t.host(), remoteHost) && t.port() == remotePort).findFirst().orElse(null);
        SipLeg.Kind kind;
        if (trunk != null) {
            kind = SipLeg.Kind.TRUNK;
            to = to == null ? null : trunk.inbound().getOrDefault(to, to);
        } else {
            String ha1 = from == null || !registrar.find(from).isPresent() ? null : settings.phones().get(from);
            if (ha1 == null) {
                respond(event, Response.FORBIDDEN); // neither a trunk nor a registered phone
                return;
            }
            AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
            Digest.NonceCheck nonce = authorization == null ? null : digest.check(authorization.getNonce());
            if (authorization == null || nonce != Digest.NonceCheck.GOOD || !from.equals(authorization.getUsername())) {
                challenge(event, nonce == Digest.NonceCheck.STALE);
                return;
            }
            String nc = authorization.getNonceCount() < 0 ? null : String.format("%08x", authorization.getNonceCount());
            if (!Digest.verify(ha1, request.getMethod(), authorization.getURI().toString(), authorization.getNonce(),
                    authorization.getQop(), nc, authorization.getCNonce(), authorization.getResponse())) {
                respond(event, Response.FORBIDDEN);
                return;
            }
            kind = SipLeg.Kind.PHONE;
        }
        if (to == null || from == null) {
            respond(event, Response.NOT_FOUND);
            return;
        }
        byte[] body = request.getRawContent();
        Sdp offer = null;
        if (body != null && body.length > 0) {
            try {
                offer = Sdp.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                respond(event, Response.NOT_ACCEPTABLE_HERE);
                return;
            }
        }
        if (offer == null) {
            respond(event, Response.NOT_ACCEPTABLE_HERE); // an offerless INVITE from outside: not supported yet
            return;
        }
        ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                : provider.getNewServerTransaction(request);
        SipLeg leg = newLeg(kind, from, false);
        leg.incomingInvite = transaction;
        leg.dialog = transaction.getDialog();
        leg.dialog.setApplicationData(leg);
        leg.remoteSdp = offer;
        leg.state = SipLeg.State.EARLY;
        Response ringing = messages.createResponse(Response.RINGING, request);
        ((ToHeader) ringing.getHeader(ToHeader.NAME)).setTag(Long.toHexString(legIds.incrementAndGet() ^ System.nanoTime()));
        ringing.addHeader(ourContact(transportOf(request)));
        transaction.sendResponse(ringing);
        events.incoming(leg, from, to);
    }

    private static String userOf(URI uri) {
        return uri instanceof SipURI sip ? sip.getUser() : null;
    }

    private static boolean sameHost(String configured, String actual) {
        if (actual == null) {
            return false;
        }
        try {
            for (java.net.InetAddress address : java.net.InetAddress.getAllByName(configured)) {
                if (address.getHostAddress().equals(actual)) {
                    return true;
                }
            }
        } catch (java.net.UnknownHostException e) {
            return false;
        }
        return false;
    }

    private void info(RequestEvent event, SipLeg leg) {
        respond(event, Response.OK);
        byte[] body = event.getRequest().getRawContent();
        if (body == null) {
            return;
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).trim();
        for (String line : text.split("\r?\n")) {
            String value = line.startsWith("Signal=") ? line.substring(7).trim() : text.length() == 1 ? text : null;
            if (value != null && value.length() == 1 && "0123456789*#ABCD".indexOf(value.charAt(0)) >= 0) {
                events.dtmf(leg, value.charAt(0));
                return;
            }
        }
    }

    // ---- responses ----

    private void response(ResponseEvent event) throws Exception {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        Dialog dialog = event.getDialog() != null ? event.getDialog()
                : event.getClientTransaction() != null ? event.getClientTransaction().getDialog() : null;
        SipLeg leg = legOf(dialog);
        if (leg == null) {
            return;
        }
        int status = response.getStatusCode();
        switch (cseq.getMethod()) {
            case Request.INVITE -> inviteResponse(leg, event, status, cseq);
            case Request.OPTIONS -> {
                leg.keepAlivePending = false;
                leg.lastKeepAliveAnswer = System.nanoTime();
                if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
                    vanished(leg);
                }
            }
            default -> {
            }
        }
    }

    private void inviteResponse(SipLeg leg, ResponseEvent event, int status, CSeqHeader cseq) throws Exception {
        Response response = event.getResponse();
        boolean initial = leg.state != SipLeg.State.CONFIRMED;
        if (status < 200) {
            if (initial && status > 100 && leg.state == SipLeg.State.CALLING) {
                leg.state = SipLeg.State.EARLY;
                if (leg.cancelWhenProvisional) {
                    sendCancel(leg);
                } else {
                    events.alerting(leg);
                }
            }
            return;
        }
        if (status >= 300) {
            if (initial) {
                if (leg.state != SipLeg.State.ENDED) {
                    fail(leg, failureOf(status, leg.cancelWhenProvisional));
                }
            } else {
                leg.reinviting = false; // the end keeps the media it had
                reconcileLater(leg);
            }
            return;
        }
        byte[] body = response.getRawContent();
        Sdp sdp = null;
        if (body != null && body.length > 0) {
            try {
                sdp = Sdp.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                LOG.info("{} answered with an unreadable session description: {}", leg, e.getMessage());
            }
        }
        Request ack = event.getDialog().createAck(cseq.getSeqNumber());
        if (initial && leg.state == SipLeg.State.ENDED) {
            event.getDialog().sendAck(ack); // answered after we gave up on it: acknowledge, then end it
            sendBye(leg);
            return;
        }
        if (initial && leg.sentSdp == null && sdp != null) {
            // It answered an INVITE without an offer: its 200 is the offer, the ACK carries our answer: the far
            // end's media once the switch bridges the two (RFC 3725 flow I), or a placeholder if that takes too long.
            leg.remoteSdp = sdp;
            leg.pendingAck = ack;
            leg.state = SipLeg.State.CONFIRMED;
            leg.lastKeepAliveAnswer = System.nanoTime();
            loop.schedule(() -> sendPendingAck(leg), settings.ackDelay().toMillis(), TimeUnit.MILLISECONDS);
            answered(leg);
            return;
        }
        event.getDialog().sendAck(ack);
        if (sdp != null) {
            leg.remoteSdp = sdp;
        }
        leg.reinviting = false;
        if (initial) {
            leg.state = SipLeg.State.CONFIRMED;
            leg.lastKeepAliveAnswer = System.nanoTime();
            answered(leg);
        }
        if (leg.peer != null) {
            reconcile(leg.peer);
        }
        reconcile(leg);
    }

    /** Tells the switch, then sends the INVITEs that waited for this leg's media (the re-INVITE flow's second leg). */
    private void answered(SipLeg leg) {
        events.answered(leg);
        List<Runnable> waiting = new ArrayList<>(leg.waiting);
        leg.waiting.clear();
        waiting.forEach(Runnable::run);
    }

    private static SipEvents.Failure failureOf(int status, boolean cancelled) {
        return switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE -> SipEvents.Failure.BUSY;
            case Response.REQUEST_TERMINATED, Response.REQUEST_TIMEOUT, Response.TEMPORARILY_UNAVAILABLE -> SipEvents.Failure.NO_ANSWER;
            case Response.NOT_FOUND, Response.ADDRESS_INCOMPLETE, Response.DOES_NOT_EXIST_ANYWHERE -> SipEvents.Failure.NOT_FOUND;
            default -> cancelled ? SipEvents.Failure.NO_ANSWER : SipEvents.Failure.REJECTED;
        };
    }

    // ---- media: what each end should have, and the re-INVITEs that give it ----

    /** Acknowledges an offerless leg's answer with its peer's media, or the placeholder when there is none yet. */
    private void sendPendingAck(SipLeg leg) {
        Request ack = leg.pendingAck;
        if (ack == null || leg.state == SipLeg.State.ENDED) {
            return;
        }
        leg.pendingAck = null;
        try {
            Sdp answer = leg.peer != null && leg.peer.remoteSdp != null
                    ? leg.stamp(mediaFor(leg), settings.host())
                    : leg.stamp(Sdp.placeholderAnswer(leg.remoteSdp, settings.host()), settings.host());
            leg.sentSdp = answer;
            ack.setContent(answer.toString(), headers.createContentTypeHeader("application", "sdp"));
            leg.dialog.sendAck(ack);
        } catch (Exception e) {
            LOG.warn("ACK of {} failed", leg, e);
        }
        if (leg.peer != null) {
            reconcile(leg.peer);
        }
        reconcile(leg);
    }

    /** Gives the leg's end its peer's media (inactive while held) when what it has differs. */
    private void reconcile(SipLeg leg) {
        if (leg.pendingAck != null) {
            sendPendingAck(leg);
            return;
        }
        if (leg.state != SipLeg.State.CONFIRMED || leg.reinviting) {
            return;
        }
        Sdp wanted = mediaFor(leg);
        if (wanted == null) {
            return;
        }
        if (leg.sentSdp != null && leg.sentSdp.mediaKey().equals(wanted.mediaKey())) {
            return;
        }
        try {
            Request reinvite = leg.dialog.createRequest(Request.INVITE);
            Sdp offer = leg.stamp(wanted, settings.host());
            reinvite.setContent(offer.toString(), headers.createContentTypeHeader("application", "sdp"));
            reinvite.addHeader(ourContact(transportOf(reinvite)));
            ClientTransaction transaction = provider.getNewClientTransaction(reinvite);
            leg.sentSdp = offer;
            leg.reinviting = true;
            leg.dialog.sendRequest(transaction);
        } catch (Exception e) {
            leg.reinviting = false;
            LOG.warn("re-INVITE of {} failed", leg, e);
        }
    }

    /**
     * What the leg's end should be given: its peer's media, or while held the same codecs pointed at the hold sink,
     * still {@code sendrecv}. (Not {@code sendonly}/{@code inactive}: baresip 1.0.0 never restarts its microphone
     * after a re-INVITE takes it out of {@code recvonly} or {@code inactive}, so a retrieved call would stay silent.)
     */
    private Sdp mediaFor(SipLeg leg) {
        Sdp peer = leg.peer == null ? null : leg.peer.remoteSdp;
        if (leg.held) {
            Sdp codecs = peer != null ? peer : leg.remoteSdp; // a held leg with no peer keeps its own codecs
            return codecs == null ? null : codecs.withConnection(settings.host(), holdSink.port()).withDirection(Sdp.SENDRECV);
        }
        return peer == null ? null : peer.withDirection(Sdp.SENDRECV);
    }

    private void reconcileLater(SipLeg leg) {
        loop.schedule(() -> reconcile(leg), 500, TimeUnit.MILLISECONDS);
    }

    private void media(SipLeg leg, String body) {
        try {
            leg.remoteSdp = Sdp.parse(body);
            if (leg.peer != null) {
                reconcile(leg.peer);
            }
        } catch (IllegalArgumentException e) {
            LOG.info("{} sent an unreadable session description: {}", leg, e.getMessage());
        }
    }

    // ---- sending ----

    private void sendInvite(SipLeg leg, String target, String transport, String callerNumber, boolean autoAnswer, Sdp offer) {
        if (leg.state == SipLeg.State.ENDED) {
            return; // released while it waited for the first leg's media
        }
        try {
            URI requestUri = addresses.createURI(target);
            SipURI fromUri = addresses.createSipURI(callerNumber == null ? "dialtone" : callerNumber, settings.host() + ":" + settings.port());
            Address from = addresses.createAddress(fromUri);
            SipURI toUri = addresses.createSipURI(leg.number(), settings.host());
            Request invite = messages.createRequest(requestUri, Request.INVITE, provider.getNewCallId(),
                    headers.createCSeqHeader(1L, Request.INVITE), headers.createFromHeader(from, Long.toHexString(legIds.incrementAndGet() ^ System.nanoTime())),
                    headers.createToHeader(addresses.createAddress(toUri), null), vias(transport), maxForwards());
            invite.addHeader(ourContact(transport));
            if (autoAnswer) {
                invite.addHeader(headers.createHeader("Call-Info", "<sip:" + settings.host() + ">;answer-after=0"));
                invite.addHeader(headers.createHeader("Alert-Info", "<http://127.0.0.1/autoanswer>;info=alert-autoanswer"));
                invite.addHeader(headers.createHeader("Answer-Mode", "Auto"));
            }
            for (String method : List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE, Request.OPTIONS, Request.INFO)) {
                invite.addHeader(headers.createAllowHeader(method));
            }
            if (offer != null) {
                Sdp stamped = leg.stamp(offer.withDirection(Sdp.SENDRECV), settings.host());
                leg.sentSdp = stamped;
                invite.setContent(stamped.toString(), headers.createContentTypeHeader("application", "sdp"));
            }
            ClientTransaction transaction = provider.getNewClientTransaction(invite);
            leg.invite = transaction;
            leg.dialog = transaction.getDialog();
            leg.dialog.setApplicationData(leg);
            transaction.sendRequest();
            SipLeg self = leg;
            loop.schedule(() -> {
                if (self.state == SipLeg.State.CALLING || self.state == SipLeg.State.EARLY) {
                    end(self, Response.REQUEST_TERMINATED);
                }
            }, settings.noAnswer().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("INVITE of {} failed", leg, e);
            fail(leg, SipEvents.Failure.UNREACHABLE);
        }
    }

    private void end(SipLeg leg, int refusal) {
        switch (leg.state) {
            case CONFIRMED -> sendBye(leg);
            case CALLING, EARLY -> {
                if (leg.isOutgoing()) {
                    leg.cancelWhenProvisional = true;
                    if (leg.state == SipLeg.State.EARLY) {
                        sendCancel(leg);
                    }
                    if (refusal == Response.REQUEST_TERMINATED) {
                        return; // no answer: the 487 that follows the CANCEL reports it
                    }
                } else if (leg.incomingInvite != null) {
                    try {
                        leg.incomingInvite.sendResponse(messages.createResponse(refusal, leg.incomingInvite.getRequest()));
                    } catch (Exception e) {
                        LOG.debug("refusal of {} not sent", leg, e);
                    }
                }
            }
            case ENDED -> {
                return;
            }
        }
        leg.state = SipLeg.State.ENDED;
        forget(leg);
    }

    private void sendBye(SipLeg leg) {
        try {
            Request bye = leg.dialog.createRequest(Request.BYE);
            leg.dialog.sendRequest(provider.getNewClientTransaction(bye));
        } catch (Exception e) {
            LOG.debug("BYE of {} not sent", leg, e);
        }
    }

    private void sendCancel(SipLeg leg) {
        try {
            provider.getNewClientTransaction(leg.invite.createCancel()).sendRequest();
        } catch (Exception e) {
            LOG.debug("CANCEL of {} not sent", leg, e);
        }
    }

    private void inDialog(SipLeg leg, String method, String type, String subtype, String body) {
        if (leg.state != SipLeg.State.CONFIRMED) {
            return;
        }
        try {
            Request request = leg.dialog.createRequest(method);
            if (body != null) {
                request.setContent(body, headers.createContentTypeHeader(type, subtype));
            }
            leg.dialog.sendRequest(provider.getNewClientTransaction(request));
        } catch (Exception e) {
            LOG.debug("{} to {} not sent", method, leg, e);
        }
    }

    /** Asks each established leg's end whether it is still there; one that does not answer in time has vanished. */
    private void tick() {
        try {
            registrar.expire();
            long now = System.nanoTime();
            long interval = settings.keepAlive().interval().toNanos();
            long timeout = settings.keepAlive().timeout().toNanos();
            for (SipLeg leg : new ArrayList<>(legs.values())) {
                if (leg.state != SipLeg.State.CONFIRMED) {
                    continue;
                }
                if (leg.keepAlivePending && now - leg.lastKeepAliveAnswer > interval + timeout) {
                    vanished(leg);
                } else if (!leg.keepAlivePending && now - leg.lastKeepAliveAnswer > interval) {
                    leg.keepAlivePending = true;
                    inDialog(leg, Request.OPTIONS, null, null, null);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("SIP timers failed", e);
        }
    }

    private void vanished(SipLeg leg) {
        LOG.info("{} stopped answering; its call ends", leg);
        sendBye(leg);
        leg.state = SipLeg.State.ENDED;
        forget(leg);
        events.hungUp(leg);
    }

    private void fail(SipLeg leg, SipEvents.Failure failure) {
        if (leg.state == SipLeg.State.ENDED && !leg.cancelWhenProvisional) {
            return;
        }
        boolean wasEnded = leg.state == SipLeg.State.ENDED;
        leg.state = SipLeg.State.ENDED;
        forget(leg);
        if (!wasEnded || leg.cancelWhenProvisional) {
            events.failed(leg, failure);
        }
    }

    // ---- helpers ----

    private SipLeg newLeg(SipLeg.Kind kind, String number, boolean outgoing) {
        SipLeg leg = new SipLeg(Long.toString(legIds.incrementAndGet()), kind, number, outgoing);
        legs.put(leg.id(), leg);
        return leg;
    }

    private void forget(SipLeg leg) {
        legs.remove(leg.id());
        if (leg.peer != null && leg.peer.peer == leg) {
            leg.peer.peer = null;
        }
    }

    private static SipLeg legOf(Dialog dialog) {
        return dialog != null && dialog.getApplicationData() instanceof SipLeg leg ? leg : null;
    }

    private List<ViaHeader> vias(String transport) throws Exception {
        List<ViaHeader> vias = new ArrayList<>(1);
        vias.add(headers.createViaHeader(settings.host(), settings.port(), transport, null));
        return vias;
    }

    private MaxForwardsHeader maxForwards() throws InvalidArgumentException {
        return headers.createMaxForwardsHeader(70);
    }

    private ContactHeader ourContact(String transport) throws Exception {
        SipURI uri = addresses.createSipURI("dialtone", settings.host() + ":" + settings.port());
        uri.setTransportParam(transport);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    private static String transportOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null ? "udp" : via.getTransport().toLowerCase(java.util.Locale.ROOT);
    }

    private void respond(RequestEvent event, int status) {
        try {
            send(event, messages.createResponse(status, event.getRequest()));
        } catch (Exception e) {
            LOG.debug("{} to {} not sent", status, event.getRequest().getMethod(), e);
        }
    }

    private void send(RequestEvent event, Response response) throws Exception {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction == null) {
            try {
                transaction = provider.getNewServerTransaction(event.getRequest());
            } catch (javax.sip.TransactionAlreadyExistsException | javax.sip.TransactionUnavailableException e) {
                provider.sendResponse(response); // stateless: a retransmission, or a request we keep no state for
                return;
            }
        }
        transaction.sendResponse(response);
    }

    private static List<String> toStrings(java.util.ListIterator<?> items) {
        List<String> out = new ArrayList<>();
        while (items != null && items.hasNext()) {
            out.add(String.valueOf(items.next()));
        }
        return out;
    }
}
