package com.dialtone.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds GWS reply bodies: {@code statusCode} first, then the named parts. */
public final class Reply {

    private Reply() {
    }

    /** {@code {"statusCode":0}} */
    public static Map<String, Object> ok() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", StatusCode.OK.code());
        return body;
    }

    public static Map<String, Object> ok(String name, Object value) {
        Map<String, Object> body = ok();
        body.put(name, value);
        return body;
    }

    static Map<String, Object> error(int statusCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", statusCode);
        body.put("statusMessage", message);
        return body;
    }
}
