package com.invgov.rules.internal;

import com.invgov.rules.DiffLine;
import com.invgov.rules.RuleSetBadRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The version diff and the uploaded-facts CSV reader. */
class LineDiffAndCsvTest {

    @Test
    void aChangedLineShowsAsRemovedAndAdded() {
        assertThat(LineDiff.diff("a\nb\nc", "a\nB\nc\nd")).containsExactly(new DiffLine(" ", "a"),
                new DiffLine("-", "b"), new DiffLine("+", "B"), new DiffLine(" ", "c"), new DiffLine("+", "d"));
    }

    @Test
    void csvCellsMayBeQuotedAndEmptyCellsAreLeftOut() {
        var rows = FactsCsv.read("a,b\n\"x, y\",\n1,\"say \"\"hi\"\"\"\n", Set.of("a", "b"));
        assertThat(rows).containsExactly(Map.of("a", "x, y"), Map.of("a", "1", "b", "say \"hi\""));
    }

    @Test
    void unknownColumnsAndRaggedLinesAreRefused() {
        assertThatThrownBy(() -> FactsCsv.read("a,zz\n1,2\n", Set.of("a"))).isInstanceOf(RuleSetBadRequest.class)
                .hasMessageContaining("zz");
        assertThatThrownBy(() -> FactsCsv.read("a\n1,2\n", Set.of("a"))).isInstanceOf(RuleSetBadRequest.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> FactsCsv.read(" ", Set.of("a"))).isInstanceOf(RuleSetBadRequest.class);
    }
}
