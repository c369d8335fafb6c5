package org.ctemcycles.core.mobilisation;

/**
 * A risk acceptance as a user entered it, raw text: the risk owner (a Jira user key), the compensating control, and
 * the last day the acceptance holds (ISO date, after today).
 */
public record AcceptanceDraft(String owner, String compensatingControl, String expiry) {
}
