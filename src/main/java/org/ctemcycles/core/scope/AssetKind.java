package org.ctemcycles.core.scope;

/** What an observation's asset reference names; scope rules of the matching kind map it to a surface. */
public enum AssetKind {
    HOST,
    IP_ADDRESS,
    URL,
    REPOSITORY,
    CONTAINER_IMAGE,
    PACKAGE,
    CLOUD_ACCOUNT,
    OTHER
}
