package com.dialtone.server.scenarios;

/** A scenario file that cannot be run; the message names the file, the line and the setting, for people. */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message, null, false, false);
    }
}
