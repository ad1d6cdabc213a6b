package io.promptdesk.figures;

import io.promptdesk.figures.FigureFormat.Figure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FiguresFormatTest {

    @Test
    void significantDigitsKeepTrailingZerosAndEveryWholeDigit() {
        assertThat(FigureFormat.significant(166_432.7, 3, true)).isEqualTo("166,000");
        assertThat(FigureFormat.significant(3.0, 3, true)).isEqualTo("3.00");
        assertThat(FigureFormat.significant(0.161982, 2, true)).isEqualTo("0.16");
        assertThat(FigureFormat.significant(0.0049951, 2, true)).isEqualTo("0.0050");
        assertThat(FigureFormat.significant(9.96, 2, true)).isEqualTo("10");
        assertThat(FigureFormat.significant(1_234_567.0, 7, true)).isEqualTo("1,234,567");
        assertThat(FigureFormat.significant(1_234_567.0, 7, false)).isEqualTo("1234567");
        assertThat(FigureFormat.significant(64.12, 2, false)).isEqualTo("64");
        assertThat(FigureFormat.significant(0, 2, true)).isEqualTo("0");
        // half up, as people round
        assertThat(FigureFormat.significant(0.125, 2, true)).isEqualTo("0.13");
    }

    @Test
    void timesAreWrittenInTheAskedUnit() {
        assertThat(FigureFormat.format(Figure.seconds(161.982e-6), "ms", 2)).isEqualTo("0.16 ms");
        assertThat(FigureFormat.format(Figure.seconds(996.4e-9), "µs", 2)).isEqualTo("1.0 µs");
        assertThat(FigureFormat.format(Figure.seconds(996.4e-9), "us", 2)).isEqualTo("1.0 µs");
        assertThat(FigureFormat.format(Figure.seconds(6.43), "s", 2)).isEqualTo("6.4 s");
        assertThat(FigureFormat.format(Figure.seconds(30.61), "ms", 3)).isEqualTo("30,600 ms");
        assertThat(FigureFormat.format(Figure.seconds(42e-9), "ns", 2)).isEqualTo("42 ns");
    }

    @Test
    void timeChoosesTheLargestUnitWhereTheRoundedFigureIsAtLeastOne() {
        assertThat(FigureFormat.format(Figure.seconds(30.61), "time", 3)).isEqualTo("30.6 s");
        assertThat(FigureFormat.format(Figure.seconds(0.4803), "time", 2)).isEqualTo("480 ms");
        assertThat(FigureFormat.format(Figure.seconds(0.0047), "time", 2)).isEqualTo("4.7 ms");
        // 0.996 s is 1.0 s at two digits, not "1,000 ms"
        assertThat(FigureFormat.format(Figure.seconds(0.996), "time", 2)).isEqualTo("1.0 s");
        assertThat(FigureFormat.format(Figure.seconds(0.9e-9), "time", 2)).isEqualTo("0.90 ns");
    }

    @Test
    void numbersAreCountsOrMillions() {
        assertThat(FigureFormat.format(Figure.number(155_512.4), "count", 3)).isEqualTo("156,000");
        assertThat(FigureFormat.format(Figure.number(20_702_400), "million", 3)).isEqualTo("20.7");
        assertThat(FigureFormat.format(Figure.number(3.31), "plain", 2)).isEqualTo("3.3");
    }

    @Test
    void aTimeIsNeverShownAsANumberNorANumberAsATime() {
        assertThatThrownBy(() -> FigureFormat.format(Figure.seconds(1), "count", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FigureFormat.format(Figure.number(1), "ms", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FigureFormat.checkShow("furlongs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FigureFormat.significant(Double.NaN, 2, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jmhUnitsBecomeSecondsOrRatesPerSecond() {
        assertThat(Measurements.inUnit(161.982, "us/op").time()).isTrue();
        assertThat(Measurements.inUnit(161.982, "us/op").value()).isCloseTo(161.982e-6, within(1e-15));
        assertThat(Measurements.inUnit(3.5, "ms/op").value()).isCloseTo(0.0035, within(1e-15));
        assertThat(Measurements.inUnit(2, "s/op")).isEqualTo(Figure.seconds(2));
        assertThat(Measurements.inUnit(166_000, "ops/s")).isEqualTo(Figure.number(166_000));
        assertThat(Measurements.inUnit(20.7, "ops/us").time()).isFalse();
        assertThat(Measurements.inUnit(20.7, "ops/us").value()).isCloseTo(20.7e6, within(1e-6));
        assertThat(Measurements.inUnit(12, "#")).isEqualTo(Figure.number(12));
    }
}
