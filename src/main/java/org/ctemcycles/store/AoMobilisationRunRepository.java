package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.MobilisationRun;
import org.ctemcycles.core.mobilisation.MobilisationRunRepository;
import org.ctemcycles.core.mobilisation.RunItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mobilisation runs on Active Objects ({@link MobilisationRunEntity}, {@link MobilisationItemEntity}). A run's
 * items go in as one batch insert; a run is read with two counts beside its row; a batch of pending items is one
 * query over the (run, outcome, position) index, and recording a batch's outcomes reads the batch's rows in one query
 * and updates each.
 */
public class AoMobilisationRunRepository implements MobilisationRunRepository {

    private static final String PENDING = RunItem.Outcome.PENDING.name();

    private final ActiveObjects ao;

    public AoMobilisationRunRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public void insert(MobilisationRun run, List<RunItem> items) {
        MobilisationDraft draft = run.draft();
        ao.create(MobilisationRunEntity.class, Map.ofEntries(
                Map.entry("RUN_KEY", run.id()), Map.entry("CYCLE_KEY", run.cycleKey()),
                Map.entry("STATE", run.state().name()), Map.entry("OWNER", draft.owner()),
                Map.entry("DEADLINE", draft.deadline()), Map.entry("CHANGE_RECORD", draft.changeRecord()),
                Map.entry("DEPENDENCY", draft.dependency()), Map.entry("VERIFICATION_STEP", draft.verificationStep()),
                Map.entry("REQUESTED_BY", run.requestedBy()), Map.entry("TOTAL", items.size()),
                Map.entry("CREATED_AT_MILLIS", run.createdAt().toEpochMilli()),
                Map.entry("UPDATED_AT_MILLIS", run.updatedAt().toEpochMilli())));
        List<Map<String, Object>> rows = new ArrayList<>(items.size());
        for (RunItem item : items) {
            Map<String, Object> row = new HashMap<>();
            row.put("ITEM_KEY", itemKey(item.runId(), item.position()));
            row.put("RUN_KEY", item.runId());
            row.put("POSITION", item.position());
            row.put("FINDING_KEY", item.findingKey());
            row.put("OUTCOME", item.outcome().name());
            row.put("ISSUE_KEY", item.issueKey());
            row.put("PROBLEMS", problems(item.problems()));
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            ao.create(MobilisationItemEntity.class, rows);
        }
    }

    @Override
    public Optional<MobilisationRun> find(String runId) {
        MobilisationRunEntity[] rows = ao.find(MobilisationRunEntity.class, Query.select().where("RUN_KEY = ?",
                runId));
        return rows.length == 0 ? Optional.empty() : Optional.of(run(rows[0]));
    }

    @Override
    public List<MobilisationRun> list(String cycleKey) {
        return Arrays.stream(ao.find(MobilisationRunEntity.class, Query.select().where("CYCLE_KEY = ?", cycleKey)
                .order("CREATED_AT_MILLIS DESC, ID DESC"))).map(this::run).toList();
    }

    @Override
    public List<String> unfinished() {
        return Arrays.stream(ao.find(MobilisationRunEntity.class, Query.select("ID, RUN_KEY")
                        .where("STATE <> ?", MobilisationRun.State.FINISHED.name()).order("ID ASC")))
                .map(MobilisationRunEntity::getRunKey).toList();
    }

    @Override
    public List<RunItem> pending(String runId, int limit) {
        return Arrays.stream(ao.find(MobilisationItemEntity.class, Query.select()
                .where("RUN_KEY = ? AND OUTCOME = ?", runId, PENDING).order("RUN_KEY ASC, OUTCOME ASC, POSITION ASC")
                .limit(limit))).map(AoMobilisationRunRepository::item).toList();
    }

    @Override
    public List<RunItem> items(String runId, int afterPosition, int limit) {
        return Arrays.stream(ao.find(MobilisationItemEntity.class, Query.select()
                .where("RUN_KEY = ? AND POSITION > ?", runId, afterPosition).order("RUN_KEY ASC, POSITION ASC")
                .limit(limit))).map(AoMobilisationRunRepository::item).toList();
    }

    @Override
    public void record(List<RunItem> outcomes, Instant at) {
        if (outcomes.isEmpty()) {
            return;
        }
        String runId = outcomes.get(0).runId();
        int from = outcomes.stream().mapToInt(RunItem::position).min().orElseThrow();
        int to = outcomes.stream().mapToInt(RunItem::position).max().orElseThrow();
        Map<Integer, MobilisationItemEntity> rows = new HashMap<>();
        for (MobilisationItemEntity row : ao.find(MobilisationItemEntity.class, Query.select()
                .where("RUN_KEY = ? AND POSITION >= ? AND POSITION <= ?", runId, from, to))) {
            rows.put(row.getPosition(), row);
        }
        for (RunItem item : outcomes) {
            MobilisationItemEntity row = rows.get(item.position());
            if (row == null || !row.getRunKey().equals(item.runId())) {
                throw new IllegalArgumentException("run " + item.runId() + " has no item " + item.position());
            }
            row.setOutcome(item.outcome().name());
            row.setIssueKey(item.issueKey());
            row.setProblems(problems(item.problems()));
            row.save();
        }
        touch(runId, null, at);
    }

    @Override
    public void setState(String runId, MobilisationRun.State state, Instant at) {
        touch(runId, state, at);
    }

    private void touch(String runId, MobilisationRun.State state, Instant at) {
        MobilisationRunEntity[] rows = ao.find(MobilisationRunEntity.class, Query.select("ID, STATE, UPDATED_AT_MILLIS")
                .where("RUN_KEY = ?", runId));
        if (rows.length == 0) {
            throw new IllegalArgumentException("no mobilisation run " + runId);
        }
        if (state != null) {
            rows[0].setState(state.name());
        }
        rows[0].setUpdatedAtMillis(at.toEpochMilli());
        rows[0].save();
    }

    private MobilisationRun run(MobilisationRunEntity row) {
        int pending = ao.count(MobilisationItemEntity.class, Query.select().where("RUN_KEY = ? AND OUTCOME = ?",
                row.getRunKey(), PENDING));
        int failed = ao.count(MobilisationItemEntity.class, Query.select().where("RUN_KEY = ? AND OUTCOME = ?",
                row.getRunKey(), RunItem.Outcome.FAILED.name()));
        MobilisationDraft draft = new MobilisationDraft(text(row.getOwner()), text(row.getDeadline()),
                text(row.getChangeRecord()), text(row.getDependency()), text(row.getVerificationStep()));
        return new MobilisationRun(row.getRunKey(), row.getCycleKey(), draft, text(row.getRequestedBy()),
                MobilisationRun.State.valueOf(row.getState()), row.getTotal(), pending,
                row.getTotal() - pending - failed, failed, Instant.ofEpochMilli(row.getCreatedAtMillis()),
                Instant.ofEpochMilli(row.getUpdatedAtMillis()));
    }

    private static RunItem item(MobilisationItemEntity row) {
        List<Problem> problems = new ArrayList<>();
        String text = row.getProblems();
        if (text != null && !text.isEmpty()) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                problems.add(tab < 0 ? new Problem("finding", line)
                        : new Problem(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return new RunItem(row.getRunKey(), row.getPosition(), row.getFindingKey(),
                RunItem.Outcome.valueOf(row.getOutcome()), text(row.getIssueKey()), problems);
    }

    private static String problems(List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (Problem problem : problems) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(oneLine(problem.field())).append('\t').append(oneLine(problem.message()));
        }
        return text.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String itemKey(String runId, int position) {
        return runId + "/" + position;
    }
}
