package io.promptdesk.engine.testing;

import io.promptdesk.model.BadInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads text files strictly as UTF-8, naming the file and the line of any bad byte. */
public final class TextFiles {

    private TextFiles() {
    }

    /** The file's text without a byte-order mark. */
    public static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new BadInputException(file + ": too large to load in this JVM's heap; raise -Xmx or split it");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            int at = in.position();
            throw new BadInputException(file + ":" + lineAtByte(bytes, at) + ": invalid UTF-8 at byte " + at
                    + ": save the file as UTF-8");
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not valid UTF-8: save the file as UTF-8");
        }
    }

    private static int lineAtByte(byte[] bytes, int at) {
        int line = 1;
        for (int i = 0; i < at && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
