package com.invgov.production.ui;

import com.invgov.receiving.InvalidBarcode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComponentScanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void aGs1LabelWithThePlantsItemNumberOrAPlainLabelFillsSkuAndLot() {
        assertThat(ComponentScan.read("(240)FAS-00001(10)L42(30)12", TODAY))
                .isEqualTo(new ComponentScan("FAS-00001", "L42", null, new java.math.BigDecimal("12")));
        assertThat(ComponentScan.read("]C1240MOT-00160\u001d21SN-7", TODAY))
                .isEqualTo(new ComponentScan("MOT-00160", null, "SN-7", null));
        assertThat(ComponentScan.read("FAS-00001|L42", TODAY)).isEqualTo(new ComponentScan("FAS-00001", "L42", null, null));
        assertThat(ComponentScan.read(" FAS-00001 ", TODAY)).isEqualTo(new ComponentScan("FAS-00001", null, null, null));
        assertThatThrownBy(() -> ComponentScan.read("(240)FAS-00001(17)261340", TODAY))
                .isInstanceOf(InvalidBarcode.class);
    }
}
