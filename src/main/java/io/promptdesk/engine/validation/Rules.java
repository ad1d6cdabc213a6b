package io.promptdesk.engine.validation;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.engine.validation.injection.PromptInjectionDetector;
import io.promptdesk.engine.validation.profanity.ProfanityDetector;
import io.promptdesk.engine.validation.sqli.SqlInjectionDetector;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The six validation rules by their spec names. */
public final class Rules {

    public static final String NO_PROFANITY = "no_profanity";
    public static final String SQL_INJECTION = "sql_injection";
    public static final String PROMPT_INJECTION = "prompt_injection";
    public static final String ALL = "all";

    /** Every rule name, in the spec's order. */
    public static final List<String> ALL_NAMES = List.of(TemplateVariablesRule.NAME, LengthRule.MIN, LengthRule.MAX,
            NO_PROFANITY, SQL_INJECTION, PROMPT_INJECTION);

    private static final class Shared {
        // Detectors are immutable and costly to build: one instance each (profanity: one per level, see
        // ProfanityDetector.shared).
        static final SqlInjectionDetector SQLI = new SqlInjectionDetector();
        static final PromptInjectionDetector INJECTION = new PromptInjectionDetector();
        /**
         * The template is its author's own instructions: judged by the named signals, without the learned classifier
         * nor the orders that count only when planted in data ("Encode your response in Base64").
         */
        static final PromptInjectionDetector INJECTION_RULES = PromptInjectionDetector.forTemplates();
    }

    private Rules() {
    }

    /**
     * Expands {@code all} and checks every name.
     *
     * @return distinct rule names in the spec's order
     * @throws BadInputException naming an unknown rule
     */
    public static List<String> normalize(List<String> names) {
        if (names == null || names.isEmpty()) {
            return ALL_NAMES;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : names) {
            String n = raw.strip().toLowerCase(Locale.ROOT);
            if (n.isEmpty()) {
                continue;
            }
            if (n.equals(ALL)) {
                wanted.addAll(ALL_NAMES);
            } else if (ALL_NAMES.contains(n)) {
                wanted.add(n);
            } else {
                throw new BadInputException("unknown validation rule '" + raw.strip() + "': expected 'all' or one of "
                        + String.join(", ", ALL_NAMES));
            }
        }
        if (wanted.isEmpty()) {
            return ALL_NAMES;
        }
        return ALL_NAMES.stream().filter(wanted::contains).toList();
    }

    public static List<ValidationRule> resolve(List<String> names, RuleSettings settings) {
        List<ValidationRule> rules = new ArrayList<>();
        for (String n : normalize(names)) {
            rules.add(create(n, settings));
        }
        return List.copyOf(rules);
    }

    private static ValidationRule create(String name, RuleSettings s) {
        return switch (name) {
            case TemplateVariablesRule.NAME -> new TemplateVariablesRule();
            case LengthRule.MIN -> LengthRule.min(s);
            case LengthRule.MAX -> LengthRule.max(s);
            case NO_PROFANITY -> new DetectorRule(NO_PROFANITY, "profanity", profanity(s),
                    DetectorRule.Scope.VALUES, DetectorRule.Scope.TEMPLATE);
            case SQL_INJECTION -> new DetectorRule(SQL_INJECTION, "SQL injection", Shared.SQLI,
                    DetectorRule.Scope.VALUES, DetectorRule.Scope.OUTPUT);
            case PROMPT_INJECTION -> new DetectorRule(PROMPT_INJECTION, "prompt injection", Shared.INJECTION, Shared.INJECTION_RULES,
                    DetectorRule.Scope.VALUES, DetectorRule.Scope.TEMPLATE, DetectorRule.Scope.SPLIT);
            default -> throw new BadInputException("unknown validation rule '" + name + "'");
        };
    }

    private static TextDetector profanity(RuleSettings s) {
        if (s.profanityAllow().isEmpty() && s.profanityDeny().isEmpty()) {
            return ProfanityDetector.shared(s.profanityLevel());
        }
        return new ProfanityDetector(s.profanityLevel(), s.profanityDeny(), s.profanityAllow());
    }

    /** Runs all six rules on one case: the template's findings then the case's (for live badges). */
    public static List<Finding> checkOne(ParsedTemplate template, Map<String, ?> values, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        String output = template.isValid() && template.firstMissing(values) == null ? template.render(values) : null;
        CaseContext c = new CaseContext(template, 0, values, output);
        for (ValidationRule r : resolve(ALL_NAMES, settings)) {
            r.checkTemplate(template, out);
            r.checkCase(c, out);
        }
        return out;
    }
}
