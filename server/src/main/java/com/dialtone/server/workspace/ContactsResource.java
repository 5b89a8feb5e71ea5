package com.dialtone.server.workspace;

import com.dialtone.server.api.ApiRequest;
import com.dialtone.server.api.Route;
import com.dialtone.server.auth.User;
import com.dialtone.server.auth.Users;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Reply;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v2/contacts/{userId}?type=User}: a user as a directory contact (WWE reads its own right
 * before it starts CometD, and shows colleagues in its team communicator). As in GWS, any logged-in user of
 * the contact centre may read any user's contact: names, user name and phone numbers, nothing more (no
 * roles, devices, state or password). There is no UCS, so other contact types are not found.
 */
public final class ContactsResource {

    @JsonPropertyOrder({"id", "name", "type", "phoneNumbers", "userName", "firstName", "lastName", "employeeId", "uri", "path"})
    public record Contact(String id, String name, String type, List<PhoneNumber> phoneNumbers, String userName, String firstName,
                          String lastName, String employeeId, String uri, String path) {
    }

    @JsonPropertyOrder({"phoneNumber", "description", "switchName"})
    public record PhoneNumber(String phoneNumber, String description, String switchName) {
    }

    private final Users users;
    private final Devices devices;
    private final ContactCenterInfo center;

    public ContactsResource(Users users, Devices devices, ContactCenterInfo center) {
        this.users = users;
        this.devices = devices;
        this.center = center;
    }

    public List<Route> routes() {
        return List.of(Route.get("/contacts/{id}", this::get));
    }

    private Map<String, Object> get(ApiRequest request) {
        String id = request.path("id");
        String type = request.query("type");
        if (type != null && !type.equals("User")) {
            throw GwsException.notFound("Contact " + id + " of type " + type + " (Dialtone has no UCS; it serves contacts of type User)");
        }
        User user = users.byId(id).orElseThrow(() -> GwsException.notFound("Contact " + id));
        List<PhoneNumber> numbers = devices.ownedBy(user.id()).stream()
                .map(d -> new PhoneNumber(d.phoneNumber(), "", center.switchName())).toList();
        // Dialtone has no separate employee id: the user name is the one a person is known by.
        return Reply.ok("contact", new Contact(user.id(), user.userName(), "User", numbers, user.userName(), user.firstName(),
                user.lastName(), user.userName(), center.urls().api("/contacts/" + user.id()), "/contacts/" + user.id()));
    }
}
