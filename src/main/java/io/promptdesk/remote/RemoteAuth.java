package io.promptdesk.remote;

import okhttp3.Credentials;

import java.nio.charset.StandardCharsets;

/** How requests to a remote engine authenticate. */
public sealed interface RemoteAuth {

    /** The {@code Authorization} header value, or null for none. */
    String header();

    /** What a log line or a settings page may say about it: never the secret. */
    String describe();

    RemoteAuth NONE = new None();

    record None() implements RemoteAuth {
        @Override
        public String header() {
            return null;
        }

        @Override
        public String describe() {
            return "no authentication";
        }
    }

    record Bearer(Secret token) implements RemoteAuth {
        @Override
        public String header() {
            return "Bearer " + token.reveal();
        }

        @Override
        public String describe() {
            return "bearer token from " + token.source();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    record Basic(String username, Secret password) implements RemoteAuth {
        @Override
        public String header() {
            return Credentials.basic(username, password.reveal(), StandardCharsets.UTF_8);
        }

        @Override
        public String describe() {
            return "basic auth as " + username + " with the password from " + password.source();
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
