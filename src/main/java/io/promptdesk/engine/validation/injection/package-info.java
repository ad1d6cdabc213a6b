/**
 * The prompt-injection detector behind the {@code prompt_injection} validation rule.
 *
 * <p>{@link io.promptdesk.engine.validation.injection.PromptInjectionDetector} is the entry point. One linear
 * pass ({@code TokenScanner}) folds the text and tags tokens with the word classes of a small multilingual
 * lexicon (shipped as {@code /promptdesk/injection/prompt-injection-lexicon.txt}); rule families combine those
 * classes within a few tokens, character-level scanners catch control tokens, exfiltrating images and hidden
 * text, and decoded payloads are scanned again. Every finding is a named, weighted signal with its offset in
 * the original text.
 */
package io.promptdesk.engine.validation.injection;
