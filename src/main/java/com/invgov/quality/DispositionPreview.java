package com.invgov.quality;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a disposition would do before it is proposed: its value and whether {@code quality-disposition} (version
 * {@code ruleVersion}) sends it to the MRB, and to which roles. Nothing is recorded.
 */
public record DispositionPreview(BigDecimal value, boolean mrbRequired, List<String> approverRoles,
                                 int ruleVersion) {
}
