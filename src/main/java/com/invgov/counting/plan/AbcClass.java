package com.invgov.counting.plan;

/** ABC class of an item by annual consumption value; A is counted most often and first. */
public enum AbcClass {
    A, B, C
}
