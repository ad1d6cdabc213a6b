package io.promptdesk.ui.author;

import java.util.List;

/**
 * A template variable and the test cases (1-based numbers) that give it no value.
 */
public record VariableUsage(String variable, List<Integer> missingIn) {

    public VariableUsage {
        missingIn = List.copyOf(missingIn);
    }

    public boolean complete() {
        return missingIn.isEmpty();
    }

    /** "in every case" or "missing in cases 2, 5". */
    public String describe() {
        if (missingIn.isEmpty()) {
            return "set in every case";
        }
        StringBuilder sb = new StringBuilder(missingIn.size() == 1 ? "missing in case " : "missing in cases ");
        for (int i = 0; i < missingIn.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(missingIn.get(i));
        }
        return sb.toString();
    }
}
