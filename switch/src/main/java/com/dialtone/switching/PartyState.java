package com.dialtone.switching;

/**
 * The state of one party (one DN or one external number) in a call.
 *
 * <pre>
 *   DIALING ─┐
 *            ├──► ESTABLISHED ◄──► HELD
 *   RINGING ─┘         │             │
 *      │               ▼             ▼
 *      └──────────► RELEASED ◄───────┘   (every state can be released)
 * </pre>
 *
 * The originator of a call is {@code DIALING} until the destination answers; the destination is
 * {@code RINGING} until it answers. {@code RELEASED} is final.
 */
public enum PartyState {
    DIALING, RINGING, ESTABLISHED, HELD, RELEASED;

    public boolean canMoveTo(PartyState next) {
        return switch (this) {
            case DIALING, RINGING -> next == ESTABLISHED || next == RELEASED;
            case ESTABLISHED -> next == HELD || next == RELEASED;
            case HELD -> next == ESTABLISHED || next == RELEASED;
            case RELEASED -> false;
        };
    }

    public boolean isActive() {
        return this != RELEASED;
    }
}
