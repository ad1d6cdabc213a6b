package io.promptdesk.model;

/**
 * The caller's login may not take an action: the message names the action and the role it needs. Nothing was
 * written (the attempt itself is recorded where the store can). The CLI exits 2.
 */
public final class AccessDenied extends PromptDeskException {
    private final String user;
    private final GuardedAction action;

    public AccessDenied(String user, GuardedAction action, String subject) {
        super(user + " may not " + action.description() + (subject == null || subject.isBlank() ? "" : " (" + subject
                + ")") + ": it needs the " + action.needs() + " role; ask a PromptDesk admin to grant it "
                + "(promptdesk team grant --user " + user + " --role " + action.allowedTo().stream()
                .sorted().findFirst().orElseThrow().key() + "); nothing was changed");
        this.user = user;
        this.action = action;
    }

    public String user() {
        return user;
    }

    public GuardedAction action() {
        return action;
    }
}
