package io.promptdesk.engine.validation.injection;

/**
 * Text recovered from an encoding or from invisible characters, to be scanned again.
 *
 * @param kind  how it was hidden, e.g. "base64"
 * @param start offset of the hidden span in the scanned text
 * @param end   end of that span
 * @param text  the recovered text
 */
record Payload(String kind, int start, int end, String text) {
}
