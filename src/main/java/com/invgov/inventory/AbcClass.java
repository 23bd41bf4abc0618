package com.invgov.inventory;

/** Share of annual consumption value: A the top 80 %, B the next 15 %, C the rest. */
public enum AbcClass { A, B, C }
