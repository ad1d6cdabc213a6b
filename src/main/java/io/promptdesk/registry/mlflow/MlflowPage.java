package io.promptdesk.registry.mlflow;

import java.util.List;

/** One page of a search, and the token of the next page (null on the last). */
public record MlflowPage<T>(List<T> items, String nextPageToken) {
    public MlflowPage {
        items = List.copyOf(items);
    }
}
