package com.dialtone.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JAIN-SIP's own logging, into SLF4J under {@code gov.nist}: quiet unless that logger is turned up. */
public final class Slf4jStackLogger implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");
    private static final Logger WIRE = LoggerFactory.getLogger("com.dialtone.sip.messages");

    @Override public void logStackTrace() { }
    @Override public void logStackTrace(int traceLevel) { }
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable ex) { LOG.debug("JAIN-SIP", ex); }
    @Override public void logDebug(String message) { LOG.debug(message); }
    @Override public void logDebug(String message, Exception ex) { LOG.debug(message, ex); }
    @Override public void logTrace(String message) { LOG.trace(message); }
    @Override public void logFatalError(String message) { LOG.error(message); }
    @Override public void logError(String message) { LOG.debug(message); } // it calls every malformed packet an error
    @Override public boolean isLoggingEnabled() { return LOG.isDebugEnabled(); }
    @Override public boolean isLoggingEnabled(int logLevel) {
        // The stack asks for TRACE_MESSAGES (= INFO) before it hands messages to the server logger.
        return logLevel == TRACE_MESSAGES ? WIRE.isTraceEnabled() || LOG.isDebugEnabled() : logLevel <= TRACE_FATAL || LOG.isDebugEnabled();
    }
    @Override public void logError(String message, Exception ex) { LOG.debug(message, ex); }
    @Override public void logWarning(String message) { LOG.debug(message); }
    @Override public void logInfo(String message) { LOG.debug(message); }
    @Override public void disableLogging() { }
    @Override public void enableLogging() { }
    @Override public void setBuildTimeStamp(String buildTimeStamp) { }
    @Override public void setStackProperties(Properties stackProperties) { }
    @Override public String getLoggerName() { return LOG.getName(); }
}
