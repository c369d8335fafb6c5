package org.ctemcycles.core.cycle;

/**
 * Who may override a stage gate. In Jira: administrators and members of the configured security-lead group; on the
 * command line: the local user, unless a list of leads is configured.
 */
public interface SecurityLeads {

    boolean isSecurityLead(String userKey);
}
