/**
 * What every REST controller shares: problem details with stable types, idempotency, pagination, OpenAPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.invgov.api;
