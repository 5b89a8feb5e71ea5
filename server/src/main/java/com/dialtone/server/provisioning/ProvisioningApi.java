package com.dialtone.server.provisioning;

import com.dialtone.server.api.Route;
import com.dialtone.server.config.ContactCenter;
import com.dialtone.server.devices.DeviceMapper;
import com.dialtone.server.http.PublicUrls;
import com.dialtone.server.me.PasswordChange;
import com.dialtone.server.me.UserMapper;
import com.dialtone.server.cometd.Notifications;
import com.dialtone.switching.Switch;
import java.util.ArrayList;
import java.util.List;

/**
 * The GWS provisioning API (users, devices, features, settings) and {@code ChangePassword}, over the
 * stored contact centre, with every change serialized by one {@link Provisioning}. docs/provisioning.md
 * describes the rules.
 */
public final class ProvisioningApi {

    private final List<Route> routes = new ArrayList<>();
    private final PasswordChange passwordChange;
    private final java.util.function.Supplier<List<FeatureResource>> assignedFeatures;

    public ProvisioningApi(StoredContactCenter stored, ContactCenter contactCenter, Switch telephony, DeviceMapper deviceMapper,
                           UserMapper userMapper, Notifications notifications, PublicUrls urls) {
        Provisioning core = new Provisioning(stored, telephony, contactCenter.routingPoints().keySet(), notifications::endSessionsOf);
        Access access = new Access(stored);
        UserProvisioning users = new UserProvisioning(core);
        DeviceProvisioning devices = new DeviceProvisioning(core, contactCenter.dialPlan().numbers().keySet());
        routes.addAll(new UsersResource(users, core, access, userMapper, deviceMapper, urls).routes());
        routes.addAll(new ProvisioningDevicesResource(devices, users, core, access, deviceMapper, urls).routes());
        FeaturesResource features = new FeaturesResource(core, urls);
        assignedFeatures = features::assignedResources;
        routes.addAll(features.routes());
        routes.addAll(new SettingsResource(stored.settings(), urls).routes());
        passwordChange = new OwnPassword(users, notifications.sessions());
    }

    public List<Route> routes() {
        return routes;
    }

    /** The features assigned now, for {@code GET /api/v2/me?subresources=features}. */
    public java.util.function.Supplier<List<FeatureResource>> assignedFeatures() {
        return assignedFeatures;
    }

    /** For {@code POST /api/v2/me}. */
    public PasswordChange passwordChange() {
        return passwordChange;
    }
}
