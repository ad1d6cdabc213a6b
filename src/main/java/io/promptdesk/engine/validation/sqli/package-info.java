/**
 * The {@code sql_injection} detector: a small SQL lexer and a judge over its token runs, after libinjection's
 * approach of fingerprinting tokens rather than matching regular expressions.
 *
 * <p>Pipeline: {@code SqlGate} (fast path for prose) ->
 * {@code PayloadDecoder} (URL, HTML, escapes, full-width, split keywords) -> {@code SqlLexer} and
 * {@code TokenFolder} (one run from the start, one after each quote that may close a string) ->
 * {@code SqlJudge} with its statement, expression and function rules -> weighted, named signals.
 * Only {@link io.promptdesk.engine.validation.sqli.SqlInjectionDetector} is public.
 */
package io.promptdesk.engine.validation.sqli;
