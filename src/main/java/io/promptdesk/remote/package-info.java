/**
 * HTTP plumbing shared by the clients of remote engines (Prometheus, MLflow, a traffic webhook): one pooled OkHttp
 * client per endpoint, authentication from secrets that live only in the environment or the OS secret store, TLS
 * with a custom CA (never unverified unless asked for and logged), timeouts, and bounded retries with exponential
 * backoff.
 */
package io.promptdesk.remote;
