package io.promptdesk.ui.regression;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How numbers read in the verdict panel and on the axes. */
class FormatTest {

    @Test
    void numbersKeepFourSignificantDigitsAndLargeOnesReadWhole() {
        assertThat(Format.num(429.20101)).isEqualTo("429.2");
        assertThat(Format.num(0.5)).isEqualTo("0.5");
        assertThat(Format.num(96_540)).isEqualTo("96,540");
        assertThat(Format.num(96_540.5)).isEqualTo("96,540.5");
        assertThat(Format.num(Double.NaN)).isEqualTo("undefined");
        assertThat(Format.signed(58.44)).isEqualTo("+58.44");
        assertThat(Format.signed(-3)).isEqualTo("-3");
    }

    @Test
    void pValuesUnderflowingToZeroAreSaidToBeTiny() {
        assertThat(Format.pIs(0.0123)).isEqualTo("p = 0.0123");
        assertThat(Format.pIs(1.35e-24)).isEqualTo("p = 1.4e-24");
        assertThat(Format.pIs(0)).isEqualTo("p < 1e-308");
    }

    @Test
    void axisCountsAreCompact() {
        assertThat(Format.compact(250_000)).isEqualTo("250k");
        assertThat(Format.compact(1_500_000)).isEqualTo("1.5M");
        assertThat(Format.compact(750)).isEqualTo("750");
    }
}
