package com.invgov.quality;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;
import com.invgov.security.NotPermitted;
import com.invgov.security.Role;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may decide a disposition waiting for MRB approval (segregation of duties): never someone who has decided it
 * already (so each MRB role is a different person), only in a role that has not approved yet and that they hold,
 * and the person who proposed it may give one of the approvals (the quality engineer sits on the board) but never
 * be the only one to approve: someone else always does. One rule for the service that refuses and the inbox that does not offer.
 */
final class MrbRule {

    private MrbRule() {
    }

    /**
     * The role {@code actor} would approve in, or the problem why they may not.
     *
     * @param approvals the approvals given so far
     * @param holds     whether the actor holds a role
     */
    static Decision check(String dispositionId, String actor, String proposedBy, List<String> approverRoles,
                          List<QualityHold.Approval> approvals, Predicate<Role> holds) {
        if (approvals.stream().anyMatch(a -> actor.equals(a.by()))) {
            return refused(new ApiProblem(ProblemType.SEGREGATION_OF_DUTIES, actor + " has already decided "
                    + "disposition " + dispositionId + "; the MRB needs a different person for each role."));
        }
        List<String> done = approvals.stream().filter(QualityHold.Approval::approved)
                .map(QualityHold.Approval::role).toList();
        List<String> open = approverRoles.stream().filter(r -> !done.contains(r)).toList();
        boolean othersApproved = approvals.stream().anyMatch(a -> a.approved() && !a.by().equals(proposedBy));
        if (actor.equals(proposedBy) && open.size() <= 1 && !othersApproved) {
            return refused(new ApiProblem(ProblemType.SEGREGATION_OF_DUTIES, actor + " proposed disposition "
                    + dispositionId + " and cannot be the only one to approve it; another MRB member must."));
        }
        return open.stream().filter(r -> Role.parse(r).map(holds::test).orElse(false)).findFirst()
                .map(r -> new Decision(Optional.of(r), Optional.empty()))
                .orElseGet(() -> refused(new NotPermitted("approve disposition " + dispositionId,
                        Set.copyOf(open.stream().map(r -> Role.parse(r).orElseThrow()).toList()))));
    }

    private static Decision refused(ApiProblem problem) {
        return new Decision(Optional.empty(), Optional.of(problem));
    }

    /** Either the role to approve in, or the refusal. */
    record Decision(Optional<String> role, Optional<ApiProblem> refusal) {
    }
}
