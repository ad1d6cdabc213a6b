package io.promptdesk.engine.stats;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalParserTest {

    @Test
    void agreesBitForBitWithTheJdkOnRandomDecimals() {
        SplittableRandom random = new SplittableRandom(19);
        String[] formats = {"%.17g", "%.16g", "%.15g", "%.3f", "%.18e", "%s", "%.9f", "%.1f"};
        int fastHits = 0;
        int total = 0;
        for (int i = 0; i < 400_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(-12, 16));
            double v = (random.nextDouble() - 0.3) * magnitude;
            String text = formats[i % formats.length].equals("%s") ? Double.toString(v)
                    : String.format(Locale.ROOT, formats[i % formats.length], v);
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            double expected = Double.parseDouble(text);
            assertThat(Double.doubleToRawLongBits(DecimalParser.parse(bytes, 0, bytes.length)))
                    .as(text).isEqualTo(Double.doubleToRawLongBits(expected));
            total++;
            if (!Double.isNaN(DecimalParser.tryFast(bytes, 0, bytes.length))) {
                fastHits++;
            }
        }
        assertThat(fastHits).as("the fast path decides most numbers").isGreaterThan(total / 2);
    }

    @Test
    void handlesHalfwayCasesSignsZerosAndExponents() {
        String[] cases = {"9007199254740993", "9007199254740992.5", "0.1", "-0.0", "+12", "1e22", "1e23", "1e-22",
                "123456789012345678e-5", "0.000000000000000000000000001", "1.7976931348623157e308", "4.9e-324",
                "2.2250738585072011e-308", "99999999999999999e-17", "0.30000000000000004", "100.49999999999999",
                "5e-1", "1E+2", ".5", "5.", "00012.5000"};
        for (String text : cases) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(Double.doubleToRawLongBits(DecimalParser.parse(bytes, 0, bytes.length))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
    }
}
