package org.ctemcycles.jira.security;

/**
 * A request the permission service refused, with how to answer it: 401 when nobody is logged in, 404 when the user
 * may not know the cycle exists, 403 when they may see it but not do this. The REST layer maps it to its status.
 */
public final class AccessDeniedException extends RuntimeException {

    /** Why the request was refused. */
    public enum Refusal {
        NOT_LOGGED_IN(401), NOT_VISIBLE(404), FORBIDDEN(403);

        private final int status;

        Refusal(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Refusal refusal;

    private AccessDeniedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    static AccessDeniedException notLoggedIn() {
        return new AccessDeniedException(Refusal.NOT_LOGGED_IN, "log in to use CTEM cycles");
    }

    /** The same words as for a cycle that does not exist: whether it does is not disclosed. */
    static AccessDeniedException notVisible(String cycleKey) {
        return new AccessDeniedException(Refusal.NOT_VISIBLE, "no CTEM cycle with key '" + cycleKey + "'");
    }

    static AccessDeniedException forbidden(String message) {
        return new AccessDeniedException(Refusal.FORBIDDEN, message);
    }

    public Refusal refusal() {
        return refusal;
    }
}
