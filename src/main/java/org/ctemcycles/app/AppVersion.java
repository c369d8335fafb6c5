package org.ctemcycles.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The app's version and the Jira line it targets, as the build wrote them into {@code ctem-version.properties}: the
 * command says them, and the evidence pack's VEX names the tool that wrote it, in Jira as on the command line.
 */
public record AppVersion(String version, String jiraTarget) {

    /** What the build wrote; "unknown" and 11.3 when the classes were not built by Maven. */
    public static AppVersion current() {
        Properties properties = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream("/ctem-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ctem-version.properties", e);
        }
        return new AppVersion(properties.getProperty("version", "unknown"),
                properties.getProperty("jira.target", "11.3"));
    }
}
