package com.dialtone.sip;

import java.time.Instant;

/**
 * Where a registered phone is: its contact (what Dialtone sends INVITEs to) until {@code expires}.
 *
 * @param dn        the phone's DN
 * @param contact   the Contact URI it registered, e.g. {@code sip:15001@127.0.0.1:5071;transport=udp}
 * @param transport "udp" or "tcp", as it registered
 * @param expires   when the registration lapses unless renewed
 * @param userAgent the User-Agent it gave, for people reading logs; may be null
 */
public record Registration(String dn, String contact, String transport, Instant expires, String userAgent) {
}
