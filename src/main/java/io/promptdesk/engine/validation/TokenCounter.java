package io.promptdesk.engine.validation;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import io.promptdesk.model.BadInputException;

import java.util.Arrays;
import java.util.Locale;

/** Counts tokens with jtokkit, whose vocabularies ship inside its jar; loaded on first use. */
public final class TokenCounter {

    private static final class Holder {
        static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    }

    private TokenCounter() {
    }

    static EncodingType requireKnown(String encoding) {
        return EncodingType.fromName(encoding.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new BadInputException("unknown tokenizer encoding '" + encoding
                        + "': expected one of " + Arrays.stream(EncodingType.values()).map(EncodingType::getName)
                        .toList()));
    }

    public static int count(String text, String encoding) {
        Encoding enc = Holder.REGISTRY.getEncoding(requireKnown(encoding));
        return enc.countTokensOrdinary(text);
    }
}
