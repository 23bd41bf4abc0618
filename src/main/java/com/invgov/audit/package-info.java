/**
 * The audit trail (DESIGN §7): who changed which rules, processes or master data, and who approved what, when,
 * with the state before and after. Other modules record through {@link com.invgov.audit.AuditTrail} in the
 * transaction of their change; this module depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package com.invgov.audit;
