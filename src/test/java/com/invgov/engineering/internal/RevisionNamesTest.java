package com.invgov.engineering.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the next revision of a BOM is named when the engineer does not name it. */
class RevisionNamesTest {

    @Test
    void lettersCountOnAndNumbersAddOne() {
        assertThat(RaiseCheck.next("A")).isEqualTo("B");
        assertThat(RaiseCheck.next("Y")).isEqualTo("Z");
        assertThat(RaiseCheck.next("Z")).isEqualTo("AA");
        assertThat(RaiseCheck.next("AZ")).isEqualTo("BA");
        assertThat(RaiseCheck.next("ZZ")).isEqualTo("AAA");
        assertThat(RaiseCheck.next("2")).isEqualTo("3");
        assertThat(RaiseCheck.next("09")).isEqualTo("10");
        assertThat(RaiseCheck.next("B.1")).as("a name that does not count: the engineer names the next").isNull();
    }

    @Test
    void theHighestRevisionIsByLengthThenAlphabetAndNumbersByValue() {
        assertThat(List.of("B", "AA", "Z").stream().max(RaiseCheck::compareRevisions)).contains("AA");
        assertThat(List.of("9", "10", "2").stream().max(RaiseCheck::compareRevisions)).contains("10");
        assertThat(List.of("3", "A").stream().max(RaiseCheck::compareRevisions)).contains("A");
    }
}
