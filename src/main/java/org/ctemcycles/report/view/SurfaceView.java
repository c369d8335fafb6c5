package org.ctemcycles.report.view;

import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;

import java.util.List;

/** A scoped surface as the scoping document lists it; what scoping has not settled yet says so in words. */
public final class SurfaceView {

    private final Surface surface;

    public SurfaceView(Surface surface) {
        this.surface = surface;
    }

    public String getKey() {
        return surface.key();
    }

    public String getName() {
        return surface.name();
    }

    public String getKind() {
        return surface.kind().label();
    }

    public String getOwner() {
        return surface.businessOwner().isEmpty() ? "not named" : surface.businessOwner();
    }

    public String getCriticality() {
        return surface.criticality() == null ? "not calibrated" : surface.criticality().label();
    }

    public String getExposure() {
        return surface.exposure() == null ? "not known" : surface.exposure().label();
    }

    public String getSuccessCriterion() {
        return surface.successCriterion().isEmpty() ? "not written" : surface.successCriterion();
    }

    /** Each rule as written, e.g. "host:*.example.com". */
    public List<String> getRules() {
        return surface.rules().stream().map(ScopeRule::toString).toList();
    }
}
