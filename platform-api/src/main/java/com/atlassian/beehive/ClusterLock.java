package com.atlassian.beehive;

// Mirror (compile-only, never packaged). A java.util.concurrent.locks.Lock shared by the cluster's nodes. UNVERIFIED on Jira 11: no public Jira 10/11 app uses a cluster lock. Best evidence: the beehive API docs
// (docs.atlassian.com/beehive/0.0.6/apidocs/com/atlassian/beehive/ClusterLockService.html): locks are not
// re-entrant, never time out, and are released when the holding node dies; names are at most 255 plain characters.

import java.util.concurrent.locks.Lock;

public interface ClusterLock extends Lock {
}
