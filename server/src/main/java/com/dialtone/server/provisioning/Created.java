package com.dialtone.server.provisioning;

import com.dialtone.server.http.Reply;
import java.util.Map;

/** The GWS reply to a create: {@code {"statusCode":0,"id":...,"uri":...,"path":...}}. */
final class Created {

    private Created() {
    }

    static Map<String, Object> reply(String id, String uri, String path) {
        Map<String, Object> body = Reply.ok("id", id);
        body.put("uri", uri);
        body.put("path", path);
        return body;
    }
}
