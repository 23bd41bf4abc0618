package com.invgov.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalLimitsTest {

    @Test
    void aHundredDigitsEitherSideOfThePointAreReadMoreAreNot() {
        assertThat(DecimalLimits.refusal(new BigDecimal("1e99"))).isNull();
        assertThat(DecimalLimits.refusal(new BigDecimal("1e-100"))).isNull();
        assertThat(DecimalLimits.refusal(new BigDecimal("0e-999999999"))).isNull();
        // trailing zeros are not decimals: 1.000… is 1
        assertThat(DecimalLimits.refusal(new BigDecimal("1." + "0".repeat(500)))).isNull();
        assertThat(DecimalLimits.refusal(new BigDecimal("1e100"))).contains("too large");
        assertThat(DecimalLimits.refusal(new BigDecimal("-1e100000"))).contains("too large");
        assertThat(DecimalLimits.refusal(new BigDecimal("1e-101"))).contains("decimals");
        assertThat(DecimalLimits.refusal(new BigDecimal("1e-999999999"))).contains("decimals");
    }

    @Test
    void textIsParsedWithinTheLimitsOrRefusedInAUsersWords() {
        assertThat(DecimalLimits.parse(" 2.50 ")).isEqualByComparingTo("2.5");
        assertThatThrownBy(() -> DecimalLimits.parse("1e999999999")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> DecimalLimits.parse("1e99999999999")).hasMessage("is not a number");
        assertThatThrownBy(() -> DecimalLimits.parse("lots")).hasMessage("is not a number");
    }
}
