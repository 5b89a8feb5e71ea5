package com.dialtone.switching;

/** Whether a call is being recorded. */
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
