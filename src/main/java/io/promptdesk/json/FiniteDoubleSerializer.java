package io.promptdesk.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/** Writes NaN and infinities as {@code null}: JSON has no literal for them. */
final class FiniteDoubleSerializer extends StdSerializer<Double> {
    static final FiniteDoubleSerializer INSTANCE = new FiniteDoubleSerializer();

    private FiniteDoubleSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == null || !Double.isFinite(value)) {
            gen.writeNull();
        } else {
            gen.writeNumber(value);
        }
    }
}
