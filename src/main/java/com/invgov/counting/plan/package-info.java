/**
 * The cycle-count planner of DESIGN §5.2 as pure domain code: which (item, location) pairs are due, in which order,
 * and which fit into a warehouse's daily capacity. No Spring, no database, no clock: callers pass the day to plan and
 * the state of every countable pair, and get a plan back. Roll-over needs no state of its own: a due pair that did not
 * fit is still due (with its original due date) when the next day is planned.
 */
package com.invgov.counting.plan;
