package com.invgov.adjustment.internal;

import com.invgov.adjustment.AdjustmentStatus;
import com.invgov.adjustment.Approval;
import com.invgov.adjustment.Decision;
import com.invgov.api.Conflict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state transitions of an adjustment request (DESIGN §5.1), without Spring. */
class AdjustmentRequestTest {

    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void approvalsGoInOrderAndTheLastOneApproves() {
        AdjustmentRequest a = request(decision("APPROVE", "INVENTORY_CONTROLLER", "FINANCE"));
        assertThat(a.status()).isEqualTo(AdjustmentStatus.PENDING_APPROVAL);
        assertThat(a.missingRoles()).containsExactly("INVENTORY_CONTROLLER", "FINANCE");

        a.approval(new Approval("INVENTORY_CONTROLLER", "ivan", true, "ok", T));
        assertThat(a.status()).isEqualTo(AdjustmentStatus.PENDING_APPROVAL);
        assertThat(a.missingRoles()).containsExactly("FINANCE");
        assertThat(a.involved()).contains("olga", "ivan");

        a.approval(new Approval("FINANCE", "fiona", true, "ok", T));
        assertThat(a.status()).isEqualTo(AdjustmentStatus.APPROVED);
        a.posted("17");
        assertThat(a.status()).isEqualTo(AdjustmentStatus.POSTED);
        assertThatThrownBy(a::conflict).isInstanceOf(Conflict.class);
    }

    @Test
    void aRejectionEndsTheRequest() {
        AdjustmentRequest a = request(decision("APPROVE", "INVENTORY_CONTROLLER"));
        a.approval(new Approval("INVENTORY_CONTROLLER", "ivan", false, "wrong bin", T));
        assertThat(a.status()).isEqualTo(AdjustmentStatus.REJECTED);
        assertThatThrownBy(() -> a.approval(new Approval("INVENTORY_CONTROLLER", "iris", true, "ok", T)))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> a.posted("1")).isInstanceOf(Conflict.class);
    }

    @Test
    void approvalsGivenCountTowardANewDecision() {
        AdjustmentRequest a = request(decision("APPROVE", "INVENTORY_CONTROLLER"));
        a.approval(new Approval("INVENTORY_CONTROLLER", "ivan", true, "ok", T));
        assertThat(a.status()).isEqualTo(AdjustmentStatus.APPROVED);

        a.decided(variance("-140"), decision("APPROVE", "INVENTORY_CONTROLLER", "FINANCE"), "LOST");
        assertThat(a.status()).isEqualTo(AdjustmentStatus.PENDING_APPROVAL);
        assertThat(a.missingRoles()).containsExactly("FINANCE");

        a.decided(variance("0"), decision("NO_VARIANCE"), null);
        assertThat(a.status()).isEqualTo(AdjustmentStatus.CLOSED);
    }

    @Test
    void aRecountIsTakenOnlyWhenOneIsPending() {
        AdjustmentRequest a = request(decision("RECOUNT"));
        assertThat(a.status()).isEqualTo(AdjustmentStatus.PENDING_RECOUNT);
        a.recounted("omar", new BigDecimal("2260"), null, T.plusSeconds(60), UUID.randomUUID());
        assertThat(a.involved()).contains("olga", "omar");
        a.decided(variance("-40"), decision("APPROVE", "INVENTORY_CONTROLLER"), "LOST");
        assertThat(a.status()).isEqualTo(AdjustmentStatus.PENDING_APPROVAL);
        assertThatThrownBy(() -> a.recounted("pavel", BigDecimal.ONE, null, T, UUID.randomUUID()))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void anEscalationLastsWhileThatApprovalWaits() {
        AdjustmentRequest a = request(decision("APPROVE", "INVENTORY_CONTROLLER", "FINANCE"));
        assertThat(a.escalate()).isTrue();
        a.approval(new Approval("INVENTORY_CONTROLLER", "ivan", true, "late", T));
        assertThat(a.escalated).as("finance's task starts unflagged").isFalse();
        assertThat(a.escalate()).isTrue();
        a.approval(new Approval("FINANCE", "fiona", true, "ok", T));
        assertThat(a.escalated).isFalse();

        AdjustmentRequest conflicted = request(decision("APPROVE", "INVENTORY_CONTROLLER"));
        conflicted.approval(new Approval("INVENTORY_CONTROLLER", "ivan", true, "ok", T));
        conflicted.escalated = true; // as stored by an older release
        conflicted.conflict();
        assertThat(conflicted.escalated).as("a conflict waits for a recount, not an approval").isFalse();
        assertThat(conflicted.escalate()).as("a timer that outlived its task flags nothing").isFalse();
        assertThat(conflicted.escalated).isFalse();
    }

    @Test
    void aManualRequestRestsOnACountOnceRecounted() {
        AdjustmentRequest manual = new AdjustmentRequest(UUID.randomUUID(), AdjustmentStatus.PENDING_APPROVAL, "X",
                "L", null, "MANUAL", "DAMAGED", null, T, new BigDecimal("2300"), new BigDecimal("2240"),
                new BigDecimal("-60"), new BigDecimal("624"), new BigDecimal("2.6"), false,
                decision("APPROVE", "INVENTORY_CONTROLLER"), "ivan", List.of(), null, null, false, T, List.of(), null);
        assertThat(manual.restsOnACount()).isFalse();
        manual.approval(new Approval("INVENTORY_CONTROLLER", "iris", true, "ok", T));
        manual.conflict();

        manual.recounted("olga", new BigDecimal("5"), null, T.plusSeconds(60), UUID.randomUUID());
        manual.decided(variance("-5"), decision("APPROVE", "INVENTORY_CONTROLLER", "FINANCE"), null);

        assertThat(manual.restsOnACount()).isTrue();
        assertThat(manual.missingRoles()).containsExactly("FINANCE");
    }

    @Test
    void finalStatusesHaveNoSuccessor() {
        for (AdjustmentStatus s : AdjustmentStatus.values()) {
            for (AdjustmentStatus next : AdjustmentStatus.values()) {
                if (s.isFinal()) {
                    assertThat(s.mayBecome(next)).as("%s -> %s", s, next).isFalse();
                }
            }
        }
        assertThat(AdjustmentStatus.CONFLICT.mayBecome(AdjustmentStatus.PENDING_RECOUNT)).isTrue();
        assertThat(AdjustmentStatus.APPROVED.mayBecome(AdjustmentStatus.CONFLICT)).isTrue();
    }

    private static AdjustmentRequest request(Decision decision) {
        AdjustmentRequest a = new AdjustmentRequest(UUID.randomUUID(), AdjustmentStatus.PENDING_APPROVAL, "X", "L",
                null, AdjustmentRequest.CYCLE_COUNT, "LOST", null, T, new BigDecimal("2300"),
                new BigDecimal("2260"), new BigDecimal("-40"), new BigDecimal("416"), new BigDecimal("1.74"), false,
                decision, "olga", List.of("olga"), null, null, false, T, List.of(), null);
        a.decided(variance("-40"), decision, null);
        return a;
    }

    private static AdjustmentRequest.Variance variance(String diff) {
        BigDecimal d = new BigDecimal(diff);
        return new AdjustmentRequest.Variance(new BigDecimal("2300"), new BigDecimal("2300").add(d), d,
                d.abs().multiply(new BigDecimal("10.40")), d.abs().divide(new BigDecimal("23"), java.math.MathContext.DECIMAL64));
    }

    private static Decision decision(String outcome, String... roles) {
        return new Decision(outcome, List.of(roles), "adjustment-tolerance", 1, List.of("rule"));
    }
}
