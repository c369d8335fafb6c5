package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.common.ConflictException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The idempotency keys of the tracker issues the app opens ({@link MobilisationClaimEntity}), one per cycle and
 * subject. Every method joins the caller's transaction: a claim is taken in the transaction that creates the issue,
 * so the claim, the register's link and the log entry commit together, and a creator on another node waits on the
 * unique key (then retries and finds the issue) instead of creating a second one.
 */
public class AoMobilisationClaims {

    public enum State {
        /** being created by the transaction that holds the claim */
        CLAIMED,
        /** the issue exists: its id and key */
        CREATED,
        /** the issue was deleted: a new one may be opened */
        RELEASED
    }

    /** A claim as stored. */
    public record Claim(String cycleKey, String subject, State state, String issueId, String issueKey) {
    }

    private final ActiveObjects ao;

    public AoMobilisationClaims(ActiveObjects ao) {
        this.ao = ao;
    }

    public Optional<Claim> find(String cycleKey, String subject) {
        MobilisationClaimEntity[] rows = ao.find(MobilisationClaimEntity.class, Query.select()
                .where("CLAIM_KEY = ?", key(cycleKey, subject)));
        return rows.length == 0 ? Optional.empty() : Optional.of(claim(rows[0]));
    }

    /**
     * Claims the subject for this transaction: inserts the claim, or takes over a released one (its row locked).
     *
     * @throws ConflictException (retryable) when another transaction claimed it first; the retry finds its issue
     */
    public void claim(String cycleKey, String subject, String actor, Instant at) {
        MobilisationClaimEntity[] rows = ao.find(MobilisationClaimEntity.class, Query.select()
                .where("CLAIM_KEY = ?", key(cycleKey, subject)));
        if (rows.length > 0) {
            MobilisationClaimEntity row = rows[0];
            if (!State.RELEASED.name().equals(row.getState())) {
                throw new ConflictException("the tracker issue of " + subject + " in cycle " + cycleKey
                        + " is being opened by another request; try again", true, null);
            }
            row.setState(State.CLAIMED.name());
            row.setClaimedBy(actor);
            row.setClaimedAtMillis(at.toEpochMilli());
            row.save();
            return;
        }
        try {
            ao.create(MobilisationClaimEntity.class, new DBParam("CLAIM_KEY", key(cycleKey, subject)),
                    new DBParam("CYCLE_KEY", cycleKey), new DBParam("SUBJECT", subject),
                    new DBParam("STATE", State.CLAIMED.name()), new DBParam("CLAIMED_BY", actor),
                    new DBParam("CLAIMED_AT_MILLIS", at.toEpochMilli()));
        } catch (RuntimeException e) {
            if (SqlErrors.lostRace(e)) {
                throw new ConflictException("the tracker issue of " + subject + " in cycle " + cycleKey
                        + " was opened by another request at the same moment; try again", true, e);
            }
            throw e;
        }
    }

    /** Records the issue the claim's transaction opened (or found opened by an earlier, interrupted attempt). */
    public void created(String cycleKey, String subject, String issueId, String issueKey) {
        MobilisationClaimEntity row = require(cycleKey, subject);
        row.setState(State.CREATED.name());
        row.setIssueId(issueId);
        row.setIssueKey(issueKey);
        row.save();
    }

    /** The claimed issue was deleted: a later mobilisation may open a new one. */
    public void release(String cycleKey, String subject) {
        MobilisationClaimEntity row = require(cycleKey, subject);
        row.setState(State.RELEASED.name());
        row.save();
    }

    /** The cycle's claims with an issue whose subject begins with {@code subjectPrefix} (e.g. the parents). */
    public List<Claim> issues(String cycleKey, String subjectPrefix) {
        return Arrays.stream(ao.find(MobilisationClaimEntity.class, Query.select()
                .where("CYCLE_KEY = ? AND STATE = ? AND SUBJECT LIKE ?", cycleKey, State.CREATED.name(),
                        subjectPrefix.replace("%", "").replace("_", "") + "%").order("ID ASC")))
                .map(AoMobilisationClaims::claim).toList();
    }

    private MobilisationClaimEntity require(String cycleKey, String subject) {
        MobilisationClaimEntity[] rows = ao.find(MobilisationClaimEntity.class, Query.select()
                .where("CLAIM_KEY = ?", key(cycleKey, subject)));
        if (rows.length == 0) {
            throw new IllegalStateException("no claim for " + subject + " in cycle " + cycleKey);
        }
        return rows[0];
    }

    private static Claim claim(MobilisationClaimEntity row) {
        return new Claim(row.getCycleKey(), row.getSubject(), State.valueOf(row.getState()),
                row.getIssueId() == null ? "" : row.getIssueId(), row.getIssueKey() == null ? "" : row.getIssueKey());
    }

    static String key(String cycleKey, String subject) {
        return cycleKey + "/" + subject;
    }
}
