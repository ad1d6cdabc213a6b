/**
 * Where a rollout's traffic split reaches the serving side, behind the {@code TrafficRouter} port: a signed HTTP
 * webhook for teams with their own router, or MLflow aliases for serving layers that read them. The embedded
 * simulated service routes by itself ({@code SimulatedService::route}).
 */
package io.promptdesk.routing;
