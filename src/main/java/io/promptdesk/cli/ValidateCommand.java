package io.promptdesk.cli;

import io.promptdesk.template.Diagnostic;
import io.promptdesk.template.SyntaxReport;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.json.Json;
import io.promptdesk.model.TemplateDialect;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code promptdesk validate}: the template's syntax, exit 0 valid, 1 invalid. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a template's syntax: placeholders, braces, names.",
        footer = {"", "Exit codes: 0 valid, 1 invalid, 2 bad usage or input."})
public final class ValidateCommand extends CliCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    TemplateSource template;

    @Option(names = "--dialect", paramLabel = "D", description = "python_format or double_brace (default: detected).")
    TemplateDialect dialect;

    @Option(names = "--json", description = "Print only the JSON result {is_valid, variables, errors}.")
    boolean json;

    @Override
    public Integer call() {
        String text = template.read();
        SyntaxReport report = (dialect == null ? TemplateParser.parse(text) : TemplateParser.parse(text, dialect))
                .syntaxReport();
        PrintWriter out = out();
        if (json) {
            out.println(Json.pretty(report));
        } else {
            out.println((report.isValid() ? "VALID" : "INVALID") + "  dialect " + report.dialect() + ", "
                    + report.variables().size() + " variable(s): " + String.join(", ", report.variables()));
            for (Diagnostic d : report.errors()) {
                out.println("  " + template.location() + ":" + d.line() + ":" + d.column() + ": " + d.message());
            }
        }
        out.flush();
        return report.isValid() ? PromptDeskCommand.EXIT_OK : PromptDeskCommand.EXIT_GATE_FAILED;
    }
}
