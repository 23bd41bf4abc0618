/**
 * Adjustment requests (DESIGN §5.1): variances from counts and manual requests, decided by
 * {@code adjustment-tolerance}, recounted or approved with segregation of duties by the {@code adjustment-approval}
 * process, and posted as ADJUSTMENT movements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Adjustments")
package com.invgov.adjustment;
