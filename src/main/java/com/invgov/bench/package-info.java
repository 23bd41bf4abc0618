/**
 * Benchmark support, inert unless {@code invgov.bench.enabled=true} (bench/counts-bench.sh sets it): a no-op
 * service step for the bare baseline process {@code bench/bare-process.bpmn} and an ADMIN-only endpoint that starts
 * instances of it. Nothing here is a bean, a step or a route in the default product.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmarks")
package com.invgov.bench;
