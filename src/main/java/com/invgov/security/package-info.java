/**
 * Who is signed in and what they may do: local users (the default) or Keycloak, the roles of DESIGN §7.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package com.invgov.security;
