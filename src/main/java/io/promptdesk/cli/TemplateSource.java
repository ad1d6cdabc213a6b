package io.promptdesk.cli;

import io.promptdesk.engine.testing.TextFiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --template-file F | --template T}: exactly one, as an exclusive argument group. */
public final class TemplateSource {

    @Option(names = "--template-file", paramLabel = "F", description = "Template file (UTF-8).")
    Path file;

    @Option(names = "--template", paramLabel = "T", description = "Template text.")
    String text;

    public String read() {
        return file != null ? TextFiles.readUtf8(file) : text;
    }

    /** Where a position points: the file as given, or "template" for --template text. */
    public String location() {
        return file != null ? file.toString() : "template";
    }

    /** A short name for reports: the file name without extension, or "template". */
    public String name() {
        if (file == null) {
            return "template";
        }
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
