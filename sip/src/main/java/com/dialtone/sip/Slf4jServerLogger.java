package com.dialtone.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every SIP message in and out, at TRACE under {@code com.dialtone.sip.messages}: turn it up to see the wire. */
public final class Slf4jServerLogger implements ServerLogger {

    private static final Logger LOG = LoggerFactory.getLogger("com.dialtone.sip.messages");

    @Override public void closeLogFile() { }
    @Override public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) { log(message, from, to, sender); }
    @Override public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) { log(message, from, to, sender); }
    @Override public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) { log(message, from, to, sender); }
    @Override public void logException(Exception ex) { LOG.debug("SIP", ex); }
    @Override public void setStackProperties(Properties stackProperties) { }
    @Override public void setSipStack(SipStack sipStack) { }

    private static void log(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message.encode());
        }
    }
}
