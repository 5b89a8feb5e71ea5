package com.dialtone.server.config;

import com.dialtone.server.http.CrossOriginSettings;
import java.util.List;

/** Everything Dialtone is configured with; docs/configuration.md describes each key. */
public record DialtoneConfig(ServerSettings server, NotificationSettings notifications, StorageSettings storage,
                             DialPlanSettings dialPlan, RoutingSettings routing, List<UserSettings> users,
                             ContactCenterSettings contactCenter, CrossOriginSettings crossOriginSettings,
                             LoggingSettings logging, TelephonySettings telephony) {

    public DialtoneConfig {
        telephony = telephony == null ? TelephonySettings.none() : telephony;
    }

    public DialtoneConfig withListenAddress(String host, Integer port) {
        ServerSettings s = server;
        return new DialtoneConfig(new ServerSettings(host == null ? s.host() : host, port == null ? s.port() : port,
                s.publicBaseUrl(), s.csrfProtection(), s.maxRequestBodyBytes(), s.sessionTimeout()),
                notifications, storage, dialPlan, routing, users, contactCenter, crossOriginSettings, logging, telephony);
    }

    /** With the embedded database in this folder (the {@code --data} option); null keeps the configured one. */
    public DialtoneConfig withDataDir(String dir) {
        return new DialtoneConfig(server, notifications, storage.withDataDir(dir), dialPlan, routing, users, contactCenter,
                crossOriginSettings, logging, telephony);
    }

    /** With the command line's logging options over the configured ones (null keeps each). */
    public DialtoneConfig withLogging(String format, String level, String configFile) {
        return new DialtoneConfig(server, notifications, storage, dialPlan, routing, users, contactCenter, crossOriginSettings,
                logging.with(format, level, configFile), telephony);
    }
}
