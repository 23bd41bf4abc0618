package com.invgov.engineering;

import com.invgov.api.Page;

import java.util.Optional;

/**
 * Engineering change orders (DESIGN §4, §5.5, §7): raised by an ENGINEER, read by every role, approved by the roles
 * {@code eco-routing} names under segregation of duties (whoever raised a change does not approve it, nobody
 * approves one twice). Every method checks who may call it.
 */
public interface EngineeringChanges {

    /** Process key of {@code processes/engineering-change.bpmn}. */
    String PROCESS = "engineering-change";

    /**
     * Raises a change (ENGINEER): checks it (422 naming the fields), stores it, starts its process, which analyses
     * the impact and routes it; answers the change with its impact and routing. 409 while another change of the
     * product is open.
     */
    EngineeringChange raise(RaiseEngineeringChange command);

    /** The change (every role); 404 for an unknown id. */
    EngineeringChange change(String id);

    /** A page of changes, newest first, optionally of one status (another is 400). */
    Page<EngineeringChange.Summary> changes(EcoStatus status, String after, int limit);

    /** Why {@code user} may not approve the change, if they may not (raised it, or decided on it already). */
    Optional<String> approvalRefusal(String id, String user);
}
