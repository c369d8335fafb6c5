package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.audit.ChainHead;
import org.ctemcycles.core.cadence.DigestedSet;
import org.ctemcycles.core.cadence.RecordDigest;
import org.ctemcycles.core.cadence.RecordDigestRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Record digests on Active Objects ({@link RecordDigestEntity}). */
public class AoRecordDigestRepository implements RecordDigestRepository {

    private static final String HEADERS = "ID, DIGEST_KEY, CYCLE_KEY, LOG_SEQ, KIND, DIGEST_DAY, AT_MILLIS,"
            + " HEAD_LENGTH, HEAD_HASH, HEAD_ANCHOR, LAST_RUN_ID, QUEUE_RUN, REGISTER_ROWS, REGISTER_ROOT, FINDINGS_ROWS,"
            + " FINDINGS_ROOT, DECISIONS_ROWS, DECISIONS_ROOT";

    private final ActiveObjects ao;

    public AoRecordDigestRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public void insert(RecordDigest digest, Map<DigestedSet, String> leaves) {
        ChainHead head = digest.head();
        ao.create(RecordDigestEntity.class,
                new DBParam("DIGEST_KEY", digest.cycleKey() + "#" + digest.logSequence()),
                new DBParam("CYCLE_KEY", digest.cycleKey()),
                new DBParam("LOG_SEQ", digest.logSequence()),
                new DBParam("KIND", digest.kind().name()),
                new DBParam("DIGEST_DAY", digest.day().toString()),
                new DBParam("AT_MILLIS", digest.at().toEpochMilli()),
                new DBParam("HEAD_LENGTH", head == null ? 0L : head.length()),
                new DBParam("HEAD_HASH", head == null ? null : head.hash()),
                new DBParam("HEAD_ANCHOR", head == null || head.anchor().isEmpty() ? null : head.anchor()),
                new DBParam("LAST_RUN_ID", digest.lastRun()),
                new DBParam("QUEUE_RUN", digest.queueRun()),
                new DBParam("REGISTER_ROWS", digest.part(DigestedSet.REGISTER).rows()),
                new DBParam("REGISTER_ROOT", digest.part(DigestedSet.REGISTER).root()),
                new DBParam("REGISTER_LEAVES", leaves.get(DigestedSet.REGISTER)),
                new DBParam("FINDINGS_ROWS", digest.part(DigestedSet.FINDINGS).rows()),
                new DBParam("FINDINGS_ROOT", digest.part(DigestedSet.FINDINGS).root()),
                new DBParam("FINDINGS_LEAVES", leaves.get(DigestedSet.FINDINGS)),
                new DBParam("DECISIONS_ROWS", digest.part(DigestedSet.DECISIONS).rows()),
                new DBParam("DECISIONS_ROOT", digest.part(DigestedSet.DECISIONS).root()),
                new DBParam("DECISIONS_LEAVES", leaves.get(DigestedSet.DECISIONS)));
    }

    @Override
    public List<RecordDigest> list(String cycleKey) {
        RecordDigestEntity[] rows = ao.find(RecordDigestEntity.class, Query.select(HEADERS)
                .where("CYCLE_KEY = ?", cycleKey).order("LOG_SEQ ASC, ID ASC"));
        return Arrays.stream(rows).map(AoRecordDigestRepository::toDigest).toList();
    }

    @Override
    public String leaves(String cycleKey, long logSequence, DigestedSet set) {
        String column = set.name() + "_LEAVES";
        RecordDigestEntity[] rows = ao.find(RecordDigestEntity.class, Query.select("ID, " + column)
                .where("DIGEST_KEY = ?", cycleKey + "#" + logSequence));
        if (rows.length == 0) {
            return "";
        }
        String text = switch (set) {
            case REGISTER -> rows[0].getRegisterLeaves();
            case FINDINGS -> rows[0].getFindingsLeaves();
            case DECISIONS -> rows[0].getDecisionsLeaves();
        };
        return AoCycleRepository.text(text);
    }

    private static RecordDigest toDigest(RecordDigestEntity row) {
        Map<DigestedSet, RecordDigest.Part> parts = new EnumMap<>(DigestedSet.class);
        parts.put(DigestedSet.REGISTER, new RecordDigest.Part(row.getRegisterRows(), row.getRegisterRoot()));
        parts.put(DigestedSet.FINDINGS, new RecordDigest.Part(row.getFindingsRows(), row.getFindingsRoot()));
        parts.put(DigestedSet.DECISIONS, new RecordDigest.Part(row.getDecisionsRows(), row.getDecisionsRoot()));
        ChainHead head = row.getHeadLength() == 0 ? null
                : new ChainHead(row.getCycleKey(), row.getHeadLength(), row.getHeadHash(), row.getHeadAnchor());
        return new RecordDigest(row.getCycleKey(), row.getLogSeq(), RecordDigest.Kind.valueOf(row.getKind()),
                LocalDate.parse(row.getDigestDay()), Instant.ofEpochMilli(row.getAtMillis()), head, row.getLastRunId(),
                AoCycleRepository.text(row.getQueueRun()), parts);
    }
}
