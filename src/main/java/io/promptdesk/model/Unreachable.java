package io.promptdesk.model;

/**
 * Marks a failure to reach a service the action needs (the team store stopped, its network gone): the action did
 * not happen, and trying again once the service is back may succeed. A gate reports it as failed, not as bad input.
 */
public interface Unreachable {
}
