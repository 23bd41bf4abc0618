/**
 * The typed facts and decisions of every rule set: what callers pass in and get back, and all that DRL may use.
 */
@org.springframework.modulith.NamedInterface("model")
package com.invgov.rules.model;
