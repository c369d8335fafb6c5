package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.security.xsrf.RequiresXsrfCheck;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.action.JiraWebActionSupport;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import org.ctemcycles.core.cadence.GateOverride;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.AccessDeniedException;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.view.CycleView;
import org.ctemcycles.report.view.SurfaceView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cycle's page ({@code /secure/CtemCycle.jspa?key=K}): its stage and the next stage gate's unmet entry criteria,
 * and its scope (surfaces with owners, criticality, exposure and rules), for everyone who may read the cycle's work
 * ({@link CycleAccess#READ_WORK}); security leads ({@link CycleAccess#RUN}) also get the form that advances it through
 * the gate, with an override and its reason. Permission is checked on the server for every command; the advance
 * is a POST with Jira's XSRF token, redirecting after success (post/redirect/get) and showing the record's own
 * error text, field by field, when the gate refuses.
 */
public class CyclePageAction extends JiraWebActionSupport {

    static final String PAGE = "CtemCycle.jspa";

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final JiraAuthenticationContext authentication;

    private String key;
    private boolean override;
    private String reason;
    private String advanced;
    private Cycle cycle;
    private String notFound;
    private String result;
    private final List<String> errors = new ArrayList<>();

    @Inject
    public CyclePageAction(CtemServices services, CtemPermissions permissions,
                           @ComponentImport JiraAuthenticationContext authentication) {
        this.services = services;
        this.permissions = permissions;
        this.authentication = authentication;
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    public String doDefault() {
        return load(CycleAccess.READ_WORK) ? INPUT : result;
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    protected String doExecute() {
        return doDefault();
    }

    /** Advances the cycle to its next stage through the gate; leads only, with the page's XSRF token. */
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    public String doAdvance() {
        if (!load(CycleAccess.RUN)) {
            return result;
        }
        try {
            Stage next = cycle.stage().next().filter(stage -> stage != Stage.CLOSED).orElseThrow(() ->
                    new InvalidInputException("target", "cycle " + cycle.key() + " has no further stage to advance"
                            + " to here (closing is the closure's)"));
            services.record().stages().advance(cycle.key(), next, override ? new GateOverride(reason) : null,
                    user().getKey());
            return getRedirect(PAGE + "?key=" + URLEncoder.encode(cycle.key(), StandardCharsets.UTF_8) + "&advanced="
                    + URLEncoder.encode(next.name(), StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            for (Problem problem : e.problems()) {
                errors.add(problem.field() + ": " + problem.message());
            }
            cycle = services.cycles().get(cycle.key());
            return INPUT;
        }
    }

    /** Loads the cycle when the user may do {@code access} to it; otherwise sets the result to show instead. */
    private boolean load(CycleAccess access) {
        try {
            if (user() == null) {
                permissions.check(null, access, null);
            }
            cycle = services.cycles().get(key == null ? "" : key);
            permissions.check(user(), access, cycle);
            return true;
        } catch (AccessDeniedException e) {
            result = PERMISSION_VIOLATION_RESULT; // logged by CtemPermissions
        } catch (NotFoundException e) {
            notFound = e.getMessage();
            result = INPUT;
        }
        return false;
    }

    private ApplicationUser user() {
        return authentication.getLoggedInUser();
    }

    public void setKey(String key) {
        this.key = key;
    }

    public void setOverride(boolean override) {
        this.override = override;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public void setAdvanced(String advanced) {
        this.advanced = advanced;
    }

    // ----- read by templates/cycle/cycle.vm (each getter is on the velocity allowlist) -----

    /** Why there is no cycle to show, or null. */
    public String getNotFound() {
        return notFound;
    }

    public CycleView getCycle() {
        return cycle == null ? null : new CycleView(cycle);
    }

    /** The stage the cycle would advance to next ("" when closed). */
    public String getNextStage() {
        return cycle == null ? "" : cycle.stage().next().map(Stage::label).orElse("");
    }

    /** The next gate's entry criteria that are not met yet, in the record's words. */
    public List<String> getUnmetCriteria() {
        return cycle == null ? List.of() : services.record().stages().nextGate(cycle.key());
    }

    public List<SurfaceView> getSurfaces() {
        return cycle == null ? List.of() : services.record().scope().list(cycle.key()).stream().map(SurfaceView::new)
                .toList();
    }

    /** Whether the user may change the cycle: only then is the form shown (the command checks again). */
    public boolean isMayRun() {
        return cycle != null && permissions.may(user(), CycleAccess.RUN, cycle);
    }

    /** Whether the form offers to advance: the cycle has a stage after this one short of closing. */
    public boolean isMayAdvance() {
        return cycle != null && cycle.stage().next().filter(stage -> stage != Stage.CLOSED).isPresent();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<String> getErrors() {
        return errors;
    }

    /** Whether the page follows a successful advance (the message names the stage from the record, not the URL). */
    public boolean isAdvanced() {
        return advanced != null;
    }

    public String getReason() {
        return reason;
    }
}
