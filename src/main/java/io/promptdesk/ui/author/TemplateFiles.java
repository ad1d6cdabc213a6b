package io.promptdesk.ui.author;

import io.promptdesk.engine.testing.CaseFiles;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.PromptDeskException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a template's files live: {@code NAME.prompt} and its cases beside it in {@code NAME.cases.json}
 * (or any case format {@link CaseFiles} reads). Failures become exceptions whose message names the file.
 */
public final class TemplateFiles {

    public static final String TEMPLATE_EXTENSION = ".prompt";
    private static final List<String> CASE_EXTENSIONS = List.of("json", "jsonl", "yaml", "yml", "csv");

    /** The {@code *.prompt} files directly in {@code folder}, by name; empty when it cannot be listed. */
    public List<Path> listTemplates(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(TEMPLATE_EXTENSION))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)))
                    .toList();
        } catch (IOException e) {
            throw new PromptDeskException("cannot list templates in " + folder + ": " + e.getMessage(), e);
        }
    }

    public String readTemplate(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read template " + file + ": " + describe(e), e);
        }
    }

    public void writeTemplate(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PromptDeskException("cannot save template " + file + ": " + describe(e), e);
        }
    }

    /** The existing case file beside {@code template}, else where a new one goes ({@code NAME.cases.json}). */
    public Path casesFileFor(Path template) {
        String base = baseName(template);
        for (String ext : CASE_EXTENSIONS) {
            Path candidate = template.resolveSibling(base + ".cases." + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return template.resolveSibling(base + ".cases.json");
    }

    /** The template's cases, or none when it has no case file. */
    public List<Map<String, Object>> readCases(Path template) {
        Path file = casesFileFor(template);
        return Files.isRegularFile(file) ? CaseFiles.read(file) : List.of();
    }

    /** Writes the cases beside {@code template}, in the format of its existing case file. */
    public Path writeCases(Path template, List<? extends Map<String, ?>> cases, List<String> columns) {
        Path file = casesFileFor(template);
        CaseFiles.write(file, cases, columns);
        return file;
    }

    /** {@code file} with the template extension added when it has none. */
    public static Path withTemplateExtension(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".") ? file : file.resolveSibling(name + TEMPLATE_EXTENSION);
    }

    private static String baseName(Path template) {
        String name = template.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String describe(IOException e) {
        String what = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return e.getMessage() == null ? what : what.toLowerCase(Locale.ROOT) + " (" + e.getMessage() + ")";
    }
}
