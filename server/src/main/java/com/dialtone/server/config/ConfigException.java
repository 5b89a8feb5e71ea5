package com.dialtone.server.config;

/** A configuration that cannot be used, with a message that names the key and says what is expected. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
