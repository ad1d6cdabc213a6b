package io.promptdesk.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessAgeTest {
    @Test
    void theAgeIsUptimeLessTheStartTicksEvenWithSpacesAndParenthesesInTheName() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0 1109799 123 45";

        assertThat(ProcessAge.fromProc("11100.50 6906.02\n", stat)).isEqualTo(2510);
    }

    @Test
    void thisProcessIsOlderThanZeroAndYoungerThanADay() {
        assertThat(ProcessAge.millis()).isBetween(1L, 86_400_000L);
    }
}
