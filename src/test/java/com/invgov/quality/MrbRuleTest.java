package com.invgov.quality;

import com.invgov.api.ProblemType;
import com.invgov.security.NotPermitted;
import com.invgov.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Segregation of duties in the MRB, without Spring. */
class MrbRuleTest {

    static final List<String> MRB = List.of("QUALITY", "INVENTORY_CONTROLLER");

    @Test
    void theProposerMayGiveOneApprovalButNeverTheOnlyOnes() {
        var first = MrbRule.check("7", "quinn", "quinn", MRB, List.of(), Set.of(Role.QUALITY)::contains);
        assertThat(first.role()).contains("QUALITY");
        List<QualityHold.Approval> byQuinn = List.of(new QualityHold.Approval("QUALITY", "quinn", true, null,
                Instant.EPOCH));
        var again = MrbRule.check("7", "quinn", "quinn", MRB, byQuinn,
                Set.of(Role.QUALITY, Role.INVENTORY_CONTROLLER)::contains);
        assertThat(again.refusal().orElseThrow().type()).isEqualTo(ProblemType.SEGREGATION_OF_DUTIES);
        // after someone else has approved, the proposer may give the last approval
        List<QualityHold.Approval> byIvan = List.of(new QualityHold.Approval("INVENTORY_CONTROLLER", "ivan", true,
                null, Instant.EPOCH));
        assertThat(MrbRule.check("7", "quinn", "quinn", MRB, byIvan, Set.of(Role.QUALITY)::contains).role())
                .contains("QUALITY");
        // an MRB of one role: the proposer would be the only approver
        var alone = MrbRule.check("7", "quinn", "quinn", List.of("QUALITY"), List.of(), Set.of(Role.QUALITY)::contains);
        assertThat(alone.refusal().orElseThrow().type()).isEqualTo(ProblemType.SEGREGATION_OF_DUTIES);
        assertThat(alone.refusal().get().getMessage()).contains("proposed");
    }

    @Test
    void eachRoleIsAnotherPersonAndADecidedRoleIsNotOfferedAgain() {
        var quality = MrbRule.check("7", "quentin", "quinn", MRB, List.of(), Set.of(Role.QUALITY)::contains);
        assertThat(quality.role()).contains("QUALITY");
        List<QualityHold.Approval> one = List.of(new QualityHold.Approval("QUALITY", "quentin", true, null,
                Instant.EPOCH));
        // the same person again, even for the other role they also hold
        var twice = MrbRule.check("7", "quentin", "quinn", MRB, one,
                Set.of(Role.QUALITY, Role.INVENTORY_CONTROLLER)::contains);
        assertThat(twice.refusal().orElseThrow().type()).isEqualTo(ProblemType.SEGREGATION_OF_DUTIES);
        // another QUALITY person: QUALITY has approved, only INVENTORY_CONTROLLER is open
        var anotherQuality = MrbRule.check("7", "qara", "quinn", MRB, one, Set.of(Role.QUALITY)::contains);
        assertThat(anotherQuality.refusal().orElseThrow()).isInstanceOf(NotPermitted.class);
        var controller = MrbRule.check("7", "ivan", "quinn", MRB, one, Set.of(Role.INVENTORY_CONTROLLER)::contains);
        assertThat(controller.role()).contains("INVENTORY_CONTROLLER");
        assertThat(controller.refusal()).isEmpty();
    }

    @Test
    void someoneWithoutAnMrbRoleIsNotPermitted() {
        var d = MrbRule.check("7", "olga", "quinn", MRB, List.of(), Set.of(Role.OPERATOR)::contains);
        assertThat(d.refusal().orElseThrow()).isInstanceOf(NotPermitted.class);
    }
}
