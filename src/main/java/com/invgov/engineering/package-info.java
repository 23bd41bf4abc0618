/**
 * Engineering change orders (DESIGN §4 {@code engineering-change}, §5.5): an ENGINEER proposes a product's next BOM
 * revision; the impact on stock and production is analysed, {@code eco-routing} names the approvers, and the approved
 * revision is activated at its effectivity date after the old stock's disposition is decided.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engineering")
package com.invgov.engineering;
