/**
 * Quality: holds that really block stock (QUARANTINE), dispositions with MRB approval per
 * {@code quality-disposition} (DESIGN §4 quality-hold, §5.4).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality")
package com.invgov.quality;
