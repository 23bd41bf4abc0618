package com.invgov.audit.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldDiffTest {

    /** As the application reads numbers: exactly, with their scale. */
    private final ObjectMapper json = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void nestedFieldsAndListsAreComparedByPathNumbersByValue() throws Exception {
        var rows = FieldDiff.of(json.readTree("""
                        {"sku": "A", "unitCost": 0.260000, "uomConversions": [{"uom": "BOX", "factor": 100}]}"""),
                json.readTree("""
                        {"sku": "A", "unitCost": 0.26, "uomConversions": [{"uom": "BOX", "factor": 50}], "lot": null}"""));
        assertThat(rows).extracting(FieldDiff.Row::field)
                .containsExactly("sku", "unitCost", "uomConversions[0].uom", "uomConversions[0].factor", "lot");
        assertThat(rows).filteredOn(FieldDiff.Row::changed).extracting(FieldDiff.Row::field)
                .containsExactly("uomConversions[0].factor", "lot");
        assertThat(rows.get(3)).isEqualTo(new FieldDiff.Row("uomConversions[0].factor", "100", "50", true));
        assertThat(rows.get(1).before()).isEqualTo("0.26");
    }

    @Test
    void aCreatedSubjectHasOnlyAnAfterSide() throws Exception {
        var rows = FieldDiff.of(null, json.readTree("{\"code\": \"X\"}"));
        assertThat(rows).containsExactly(new FieldDiff.Row("code", null, "X", true));
    }
}
