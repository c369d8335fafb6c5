package com.atlassian.event.api;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: register and unregister in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (slack-server-integration-common/.../util/AutoSubscribingEventListener.java,
// called from @PostConstruct and @PreDestroy) and the injection in jira-slack-server-integration
// (manager/impl/DedicatedChannelEventListener.java).

public interface EventPublisher {

    void register(Object listener);

    void unregister(Object listener);
}
