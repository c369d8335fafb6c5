package org.ctemcycles.core.cycle;

/**
 * Who may override a stage gate. In Jira: the permission service (administrators and the cycle's security leads); on the
 * command line: the local user, unless a list of leads is configured.
 */
public interface SecurityLeads {

    /** Whether the user (by key) leads this cycle: only a lead may override its stage gates. */
    boolean isSecurityLead(String userKey, Cycle cycle);
}
