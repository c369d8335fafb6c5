package org.ctemcycles.testing;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SLF4J provider of the test suite (Surefire sets {@code slf4j.provider} to this class; the command line keeps
 * slf4j-nop): it keeps what the app's own loggers ({@code org.ctemcycles.*}) say at INFO and above, so that tests
 * can assert what an edge logs and that no report content or secret is among it. Everything else (Active Objects,
 * HikariCP, Jersey) is dropped, as slf4j-nop drops it.
 *
 * <p>SLF4J builds its provider once per JVM by reflection, so the lines live in one static list that tests read and
 * {@link #clear()}; tests that use it run in Surefire's one test thread.
 */
public final class RecordingLogs implements SLF4JServiceProvider {

    private static final List<String> LINES = new ArrayList<>();
    private static final int MAX_LINES = 10_000;

    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, Recorder::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** What the app's loggers said since the last {@link #clear()}: "LEVEL logger: message[ | exception class]". */
    public static List<String> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    public static void clear() {
        synchronized (LINES) {
            LINES.clear();
        }
    }

    /** Whether SLF4J uses this provider in this JVM (false when a test runs outside Surefire's configuration). */
    public static boolean installed() {
        return org.slf4j.LoggerFactory.getLogger("org.ctemcycles.probe").getClass().getEnclosingClass()
                == RecordingLogs.class;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }

    private static final class Recorder extends LegacyAbstractLogger {

        private final boolean ours;

        Recorder(String name) {
            this.name = name;
            this.ours = name.startsWith("org.ctemcycles.");
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            String line = level + " " + name + ": " + MessageFormatter.basicArrayFormat(pattern, arguments)
                    + (throwable == null ? "" : " | " + throwable.getClass().getName());
            synchronized (LINES) {
                if (LINES.size() < MAX_LINES) {
                    LINES.add(line);
                }
            }
        }

        private boolean enabled(Level level) {
            return ours && level.toInt() >= Level.INFO.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }


        @Override
        public boolean isDebugEnabled() {
            return false;
        }


        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }


        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }


        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

    }
}
