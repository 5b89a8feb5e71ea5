package com.dialtone.server.config;

import java.time.Duration;

/**
 * @param host                where to listen
 * @param port                where to listen; 0 picks a free port
 * @param publicBaseUrl       what absolute URIs in replies and notifications start with, such as
 *                            {@code https://cti.example.com}; null means {@code http://host:port}
 * @param csrfProtection      whether POST, PUT and DELETE need the session's CSRF token
 * @param maxRequestBodyBytes the largest request body accepted
 * @param sessionTimeout      how long an idle HTTP session lasts
 */
public record ServerSettings(String host, int port, String publicBaseUrl, boolean csrfProtection,
                             int maxRequestBodyBytes, Duration sessionTimeout) {
}
