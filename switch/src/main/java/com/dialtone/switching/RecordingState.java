package com.dialtone.switching;

/**
 * Whether a call is being recorded. A call that was never recorded counts as {@link #STOPPED}.
 *
 * <pre>
 *   STOPPED ──► RECORDING ◄──► PAUSED
 *      ▲            │            │
 *      └────────────┴────────────┘
 * </pre>
 *
 * {@link #canMoveTo} is the one table of allowed moves; a call's recording changes only through it.
 */
public enum RecordingState {
    RECORDING, PAUSED, STOPPED;

    public boolean canMoveTo(RecordingState next) {
        return switch (this) {
            case RECORDING -> next == PAUSED || next == STOPPED;
            case PAUSED -> next == RECORDING || next == STOPPED;
            case STOPPED -> next == RECORDING;
        };
    }
}
