package io.promptdesk.cli;

import io.promptdesk.template.Diagnostic;
import io.promptdesk.template.SyntaxReport;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.engine.validation.Signal;
import io.promptdesk.engine.validation.profanity.ProfanityDetector;
import io.promptdesk.engine.validation.profanity.ProfanityLevel;
import io.promptdesk.json.Json;
import io.promptdesk.model.TemplateDialect;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk validate}: the template's syntax, exit 0 valid, 1 invalid. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a template's syntax: placeholders, braces, names.",
        footer = {"", "With --profanity-level the template's text is also checked by the no_profanity rule at that "
                + "level; a finding makes the template invalid.",
                "Exit codes: 0 valid, 1 invalid, 2 bad usage or input."})
public final class ValidateCommand extends CliCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    TemplateSource template;

    @Option(names = "--dialect", paramLabel = "D", description = "python_format or double_brace (default: detected).")
    TemplateDialect dialect;

    @Option(names = "--json", description = "Print only the JSON result {is_valid, variables, errors} "
            + "(with --profanity-level also profanity: [{line, column, evidence}]).")
    boolean json;

    @Option(names = "--profanity-level", paramLabel = "LEVEL", converter = ProfanityLevelConverter.class,
            description = "Also check the template's text for profanity at this level: standard or strict (also "
                    + "mild words: damn, crap, hell as an oath). Without it, only the syntax is checked.")
    ProfanityLevel profanityLevel;

    @Override
    public Integer call() {
        String text = template.read();
        SyntaxReport report = (dialect == null ? TemplateParser.parse(text) : TemplateParser.parse(text, dialect))
                .syntaxReport();
        List<Map<String, Object>> profanity = profanityLevel == null ? List.of() : profanity(text);
        boolean valid = report.isValid() && profanity.isEmpty();
        PrintWriter out = out();
        if (json) {
            if (profanityLevel == null) {
                out.println(Json.pretty(report));
            } else {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("is_valid", valid);
                result.put("dialect", report.dialect());
                result.put("variables", report.variables());
                result.put("errors", report.errors());
                result.put("profanity_level", profanityLevel.label());
                result.put("profanity", profanity);
                out.println(Json.pretty(result));
            }
        } else {
            out.println((valid ? "VALID" : "INVALID") + "  dialect " + report.dialect() + ", "
                    + report.variables().size() + " variable(s): " + String.join(", ", report.variables()));
            for (Diagnostic d : report.errors()) {
                out.println("  " + template.location() + ":" + d.line() + ":" + d.column() + ": " + d.message());
            }
            for (Map<String, Object> p : profanity) {
                out.println("  " + template.location() + ":" + p.get("line") + ":" + p.get("column")
                        + ": profanity (" + profanityLevel.label() + "): " + p.get("evidence"));
            }
        }
        out.flush();
        return valid ? PromptDeskCommand.EXIT_OK : PromptDeskCommand.EXIT_GATE_FAILED;
    }

    /** The no_profanity findings in the template's text, with 1-based line and column. */
    private List<Map<String, Object>> profanity(String text) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Signal s : ProfanityDetector.shared(profanityLevel).scan(text).signals()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < s.offset(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("line", line);
            p.put("column", text.codePointCount(lineStart, s.offset()) + 1);
            p.put("evidence", s.evidence());
            found.add(p);
        }
        return found;
    }
}
