package com.atlassian.beehive;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence: deftdevs/bootstrapi@4c9d627
// (its Jira module on Jira 11.3.10): commons/src/main/java/com/deftdevs/bootstrapi/commons/startup/
// StartupConfigLifecycle.java, clusterLockService.getLockForName(LOCK_NAME) (consistent in scripts/check-mirror).
// Further: the beehive API docs
// (docs.atlassian.com/beehive/0.0.6/apidocs/com/atlassian/beehive/ClusterLockService.html): locks are not
// re-entrant, never time out, and are released when the holding node dies; names are at most 255 plain characters.

public interface ClusterLockService {

    ClusterLock getLockForName(String lockName);
}
