package com.invgov.counting;

import com.invgov.adjustment.Decision;
import com.invgov.adjustment.Variance;

/** The answer to a count (DESIGN §6.1): variance, decision, and the adjustment opened, if any. */
public record CountResult(String id, Variance variance, Decision decision, String adjustmentId) {
}
