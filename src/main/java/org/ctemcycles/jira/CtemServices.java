package org.ctemcycles.jira;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.app.FrozenReports;
import org.ctemcycles.core.audit.AnchorKeySource;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.SecurityLeads;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.jira.fields.ReindexRequests;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.tracker.JiraIssueTracker;
import org.ctemcycles.report.view.EvidencePackView;
import org.ctemcycles.report.view.Messages;
import org.ctemcycles.report.view.ReportContext;
import org.ctemcycles.report.view.ReportFrame;
import org.ctemcycles.store.AoReindexQueue;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The cycle record inside Jira: the app's composition root ({@link CycleRecord}) built once over Jira's Active
 * Objects with Jira's ports (who leads a cycle from {@link CtemPermissions}; Jira's issues as the tracker,
 * {@link JiraIssueTracker}), so that REST resources, pages, listeners and jobs share the same services. Holds no
 * state of its own: every node of a Data Center cluster reads and writes the same database.
 */
@Component
public class CtemServices {

    private final CycleRecord record;
    private final IssueTracker tracker;
    private final AoReindexQueue reindexQueue;

    @Inject
    public CtemServices(@ComponentImport ActiveObjects ao, CtemPermissions permissions, JiraIssueTracker tracker,
                        @ComponentImport TemplateRenderer renderer, @ComponentImport I18nResolver i18n) {
        this(ao, permissions, tracker, Clock.systemUTC(), reportHtml(renderer, i18n));
    }

    /** The record without the report template's renderer: a closure freezes the evidence pack as JSON only. */
    public CtemServices(ActiveObjects ao, SecurityLeads leads, IssueTracker tracker, Clock clock) {
        this(ao, leads, tracker, clock, null);
    }

    /** @param html renders the report template's whole document, frozen at closure beside the JSON (ADR 083) */
    public CtemServices(ActiveObjects ao, SecurityLeads leads, IssueTracker tracker, Clock clock,
                        FrozenReports.PackHtml html) {
        this.reindexQueue = new AoReindexQueue(ao, clock);
        this.record = CycleRecord.overStore(ao, tracker, leads, clock, AnchorKeySource.none(),
                new ReindexRequests(reindexQueue), html);
        this.tracker = tracker;
    }

    /** The evidence pack as the report template's whole document, rendered by Jira's Velocity in Jira's words. */
    public static FrozenReports.PackHtml reportHtml(TemplateRenderer renderer, I18nResolver i18n) {
        return (pack, facts, out) -> renderer.render(EvidencePackView.TEMPLATE, ReportContext.of(pack,
                ReportFrame.standalone(), new Messages(i18n::getText), facts), out);
    }

    /** The tracker the record mobilises into (Jira's issues inside Jira). */
    public IssueTracker tracker() {
        return tracker;
    }

    /** Ends the record's own threads (the queue's ranking threads) when the app is disabled or Jira stops. */
    @PreDestroy
    public void close() {
        record.close();
    }

    /** The issues whose CTEM fields Jira's index has to read again (filled as the record changes). */
    public AoReindexQueue reindexQueue() {
        return reindexQueue;
    }

    /** Every service of the cycle record. */
    public CycleRecord record() {
        return record;
    }

    public CycleService cycles() {
        return record.cycles();
    }
}
