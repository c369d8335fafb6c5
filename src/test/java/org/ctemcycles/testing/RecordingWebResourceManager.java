package org.ctemcycles.testing;

import java.util.ArrayList;
import java.util.List;

/** Stands in for Jira's {@code $webResourceManager} in templates and records which web resources a page requires. */
public final class RecordingWebResourceManager {

    private final List<String> required = new ArrayList<>();

    public void requireResource(String moduleKey) {
        required.add(moduleKey);
    }

    public List<String> required() {
        return List.copyOf(required);
    }
}
