package io.promptdesk.engine.validation.profanity;

import io.promptdesk.model.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a word list: UTF-8, one term a line, blank lines and lines starting with '#' ignored. */
final class TermListReader {

    /** Longer lines are not terms but pasted text; refusing them keeps a wrong file from passing silently. */
    static final int MAX_TERM_LENGTH = 100;

    private TermListReader() {
    }

    /** The terms of a list the user supplied; every problem names the file (and line). */
    static List<String> readFile(Path file) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException("Word list " + file + " does not exist", e);
        } catch (CharacterCodingException e) {
            throw new BadInputException("Word list " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException("Cannot read word list " + file + ": " + e.getMessage(), e);
        }
    }

    /** The terms of a list shipped in the jar; a missing list is a packaging bug, not bad input. */
    static List<String> readResource(String resource) {
        InputStream stream = TermListReader.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Word list " + resource + " is missing from the classpath");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read word list " + resource, e);
        }
    }

    private static List<String> read(BufferedReader in, String source) throws IOException {
        List<String> terms = new ArrayList<>();
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String term = line.strip();
            if (lineNumber == 1 && term.startsWith("\uFEFF")) {
                term = term.substring(1).strip();
            }
            if (term.isEmpty() || term.startsWith("#")) {
                continue;
            }
            if (term.length() > MAX_TERM_LENGTH) {
                throw new BadInputException("Word list " + source + " line " + lineNumber + ": a term is at most "
                        + MAX_TERM_LENGTH + " characters; is this a word list?");
            }
            if (TermTrie.keyOf(term).isEmpty()) {
                throw new BadInputException("Word list " + source + " line " + lineNumber
                        + ": '" + term + "' has no letters or symbols to match");
            }
            terms.add(term);
        }
        return terms;
    }
}
