package io.promptdesk.model;

/** How much a finding matters: errors fail a rule, warnings are reported only. */
public enum Severity {
    ERROR,
    WARNING
}
