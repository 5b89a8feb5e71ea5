package com.dialtone.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.Origin;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

/**
 * A session description (RFC 4566) as Dialtone passes it between the two ends of a call: media flows directly
 * between them, so what one end offered or answered is what the other is given, with the stream's direction set
 * for hold and the origin line of the leg it is sent on (RFC 3264 §8: one origin per session, its version up by
 * one each time it changes). Immutable; parsing and writing are JAIN-SIP's ({@code javax.sdp}).
 */
public final class Sdp {

    public static final String SENDRECV = "sendrecv";
    public static final String SENDONLY = "sendonly";
    public static final String RECVONLY = "recvonly";
    public static final String INACTIVE = "inactive";
    private static final List<String> DIRECTIONS = List.of(SENDRECV, SENDONLY, RECVONLY, INACTIVE);
    private static final SdpFactory FACTORY = SdpFactory.getInstance();

    private final String text;
    private final String address;
    private final int port;
    private final List<String> formats;
    private final String direction;

    private Sdp(String text) {
        this.text = text;
        SessionDescription session = parseOrThrow(text);
        try {
            MediaDescription audio = audio(session);
            Connection connection = audio.getConnection() != null ? audio.getConnection() : session.getConnection();
            if (connection == null) {
                throw new IllegalArgumentException("the session description has no connection (c=) line");
            }
            this.address = connection.getAddress();
            this.port = audio.getMedia().getMediaPort();
            List<String> found = new ArrayList<>();
            for (Object format : audio.getMedia().getMediaFormats(true)) {
                found.add(String.valueOf(format));
            }
            this.formats = List.copyOf(found);
            String dir = directionOf(audio.getAttributes(false));
            if (dir == null) {
                dir = directionOf(session.getAttributes(false));
            }
            this.direction = dir == null ? SENDRECV : dir;
        } catch (SdpException e) {
            throw new IllegalArgumentException("the session description is malformed: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException if the text is no session description with an audio stream */
    public static Sdp parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the session description is empty");
        }
        return new Sdp(text.replace("\r\n", "\n").replace("\n", "\r\n"));
    }

    /**
     * What Dialtone answers a phone's offer with before the other end is there (the re-INVITE flow of third-party
     * call control): the offer's first codec, on a port nothing listens on, {@code sendonly} from Dialtone's side, so
     * the phone sends nothing and listens until it is re-INVITEd with the far end's media. (Not {@code inactive}:
     * baresip 1.0.0 then never decodes what it receives after the re-INVITE.)
     */
    public static Sdp placeholderAnswer(Sdp offer, String host) {
        String format = offer.formats.isEmpty() ? "0" : offer.formats.get(0);
        String rtpmap = offer.attributeFor("rtpmap", format);
        return parse("v=0\r\no=dialtone 1 1 IN IP4 " + host + "\r\ns=dialtone\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=audio 9 RTP/AVP " + format + "\r\n" + (rtpmap == null ? "" : "a=rtpmap:" + rtpmap + "\r\n") + "a=sendonly\r\n");
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    public List<String> formats() {
        return formats;
    }

    public String direction() {
        return direction;
    }

    /** True when this end does not want to hear the other: it put the call on hold (sendonly or inactive). */
    public boolean isHold() {
        return direction.equals(SENDONLY) || direction.equals(INACTIVE) || address.equals("0.0.0.0");
    }

    /** Where the media goes and how: two descriptions with the same key need no new offer. */
    public String mediaKey() {
        return address + ":" + port + " " + String.join(",", formats) + " " + direction;
    }

    /** The same media with the stream's direction set to {@code newDirection}. */
    public Sdp withDirection(String newDirection) {
        if (!DIRECTIONS.contains(newDirection)) {
            throw new IllegalArgumentException("no such direction: " + newDirection);
        }
        SessionDescription session = parseOrThrow(text);
        try {
            for (String dir : DIRECTIONS) {
                session.removeAttribute(dir);
            }
            for (Object media : session.getMediaDescriptions(true)) {
                MediaDescription description = (MediaDescription) media;
                for (String dir : DIRECTIONS) {
                    description.removeAttribute(dir);
                }
                description.addAttribute((gov.nist.javax.sdp.fields.AttributeField) FACTORY.createAttribute(newDirection, null));
            }
            return new Sdp(session.toString());
        } catch (SdpException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same media sent to {@code newAddress}:{@code newPort} instead. */
    public Sdp withConnection(String newAddress, int newPort) {
        SessionDescription session = parseOrThrow(text);
        try {
            session.setConnection(FACTORY.createConnection("IN", "IP4", newAddress));
            for (Object media : session.getMediaDescriptions(true)) {
                MediaDescription description = (MediaDescription) media;
                if (description.getConnection() != null) {
                    description.setConnection(FACTORY.createConnection("IN", "IP4", newAddress));
                }
                if ("audio".equals(description.getMedia().getMediaType())) {
                    description.getMedia().setMediaPort(newPort);
                }
            }
            return new Sdp(session.toString());
        } catch (SdpException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same media under the origin of the leg it is sent on. */
    public Sdp withOrigin(long sessionId, long version, String host) {
        SessionDescription session = parseOrThrow(text);
        try {
            Origin origin = FACTORY.createOrigin("dialtone", sessionId, version, "IN", "IP4", host);
            session.setOrigin(origin);
            return new Sdp(session.toString());
        } catch (SdpException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The direction an answer takes to an offer in this direction (RFC 3264 §6.1). */
    public static String answerDirection(String offered) {
        return switch (offered) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case INACTIVE -> INACTIVE;
            default -> SENDRECV;
        };
    }

    /** True when the two descriptions share at least one codec. */
    public boolean sharesCodecWith(Sdp other) {
        return formats.stream().anyMatch(other.formats::contains);
    }

    @Override
    public String toString() {
        return text;
    }

    private String attributeFor(String name, String format) {
        SessionDescription session = parseOrThrow(text);
        try {
            for (Object a : audio(session).getAttributes(true)) {
                Attribute attribute = (Attribute) a;
                if (attribute.getName().equals(name) && attribute.getValue() != null && attribute.getValue().startsWith(format + " ")) {
                    return attribute.getValue();
                }
            }
            return null;
        } catch (SdpException e) {
            return null;
        }
    }

    private static SessionDescription parseOrThrow(String text) {
        try {
            return FACTORY.createSessionDescription(text);
        } catch (SdpException | RuntimeException e) {
            throw new IllegalArgumentException("the session description is malformed: " + e.getMessage(), e);
        }
    }

    private static MediaDescription audio(SessionDescription session) throws SdpException {
        Vector<?> media = session.getMediaDescriptions(false);
        if (media != null) {
            for (Object m : media) {
                MediaDescription description = (MediaDescription) m;
                if ("audio".equals(description.getMedia().getMediaType())) {
                    return description;
                }
            }
        }
        throw new IllegalArgumentException("the session description has no audio stream");
    }

    private static String directionOf(Vector<?> attributes) throws SdpException {
        if (attributes == null) {
            return null;
        }
        for (Object a : attributes) {
            String name = ((Attribute) a).getName().toLowerCase(Locale.ROOT);
            if (DIRECTIONS.contains(name)) {
                return name;
            }
        }
        return null;
    }
}
