package io.promptdesk.engine.validation.injection;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects text hidden in invisible code points while the scanner walks a text: runs of Unicode tag characters
 * (each one an ASCII character plus U+E0000) and runs of variation selectors (each one a byte). Both are
 * reported, and what they spell is handed back as a payload to scan again.
 */
final class HiddenText {

    /** Tag runs this short after a black flag are emoji subdivision flags (England, Scotland ...). */
    private static final int FLAG_TAGS = 7;
    private static final int MIN_TAGS = 4;
    private static final int MIN_SELECTORS = 8;
    private static final int MAX_HIDDEN = 1 << 16;

    private final String text;
    private final Evidence evidence;
    private final List<Payload> payloads = new ArrayList<>();

    private final StringBuilder tags = new StringBuilder();
    private int tagCount;
    private int tagStart;
    private int tagEnd;

    private byte[] bytes = new byte[16];
    private int byteCount;
    private int selectorStart;
    private int selectorEnd;

    HiddenText(String text, Evidence evidence) {
        this.text = text;
        this.evidence = evidence;
    }

    boolean pending() {
        return tagCount > 0 || byteCount > 0;
    }

    void tag(int cp, int start, int end) {
        if (tagCount == 0) {
            tagStart = start;
        }
        tagCount++;
        tagEnd = end;
        if (cp >= 0xE0020 && cp <= 0xE007E && tags.length() < MAX_HIDDEN) {
            tags.append((char) (cp - 0xE0000));
        }
    }

    void selector(int cp, int start, int end) {
        if (byteCount == 0) {
            selectorStart = start;
        }
        selectorEnd = end;
        if (byteCount == bytes.length) {
            if (bytes.length >= MAX_HIDDEN) {
                return;
            }
            bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[byteCount++] = (byte) (cp <= 0xFE0F ? cp - 0xFE00 : cp - 0xE0100 + 16);
    }

    /** Ends any open run; called at every visible code point and at the end of the text. */
    void flush() {
        if (tagCount > 0) {
            boolean flag = tagCount <= FLAG_TAGS && tagStart >= 2 && text.codePointBefore(tagStart) == 0x1F3F4;
            if (!flag && tagCount >= MIN_TAGS) {
                String hidden = tags.toString();
                evidence.add(InjectionSignal.UNICODE_TAGS, tagStart, tagEnd, 0.8, "tag characters spell: " + hidden);
                payloads.add(new Payload("unicode tags", tagStart, tagEnd, hidden));
            }
            tags.setLength(0);
            tagCount = 0;
        }
        if (byteCount > 0) {
            if (byteCount >= MIN_SELECTORS) {
                String hidden = utf8(bytes, byteCount);
                evidence.add(InjectionSignal.INVISIBLE_CHARACTERS, selectorStart, selectorEnd, 0.6,
                        byteCount + " variation selectors in a row");
                if (hidden != null) {
                    payloads.add(new Payload("variation selectors", selectorStart, selectorEnd, hidden));
                }
            }
            byteCount = 0;
        }
    }

    List<Payload> payloads() {
        return payloads;
    }

    /** Strict UTF-8 decoding, or null when the bytes are not text. */
    static String utf8(byte[] b, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
