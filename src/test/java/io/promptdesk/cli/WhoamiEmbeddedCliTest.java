package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** On the embedded store one desk's user acts and holds every role; roles cannot be granted there. */
class WhoamiEmbeddedCliTest {
    @TempDir
    Path dir;

    @Test
    void theDesksUserHoldsEveryRoleAndGrantingIsForATeamStore() throws Exception {
        CliTest.Result init = CliTest.run("store", "init", "--workspace", dir.toString());
        assertThat(init.exit()).as(init.err()).isZero();
        CliTest.Result who = CliTest.run("whoami", "--json", "--workspace", dir.toString(), "--actor", "ana");
        assertThat(who.exit()).as(who.err()).isZero();
        JsonNode me = Json.mapper().readTree(who.out());
        assertThat(me.get("user").asText()).isEqualTo("ana");
        assertThat(me.get("roles")).extracting(JsonNode::asText)
                .containsExactly("viewer", "author", "releaser", "oncall", "admin");
        assertThat(me.get("store").asText()).contains(dir.toString());

        CliTest.Result list = CliTest.run("team", "list", "--json", "--workspace", dir.toString(), "--actor", "ana");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(Json.mapper().readTree(list.out()).get("users")).hasSize(1);

        CliTest.Result grant = CliTest.run("team", "grant", "--user", "omar", "--role", "oncall", "--workspace",
                dir.toString());
        assertThat(grant.exit()).isEqualTo(2);
        assertThat(grant.err()).contains("roles are for a team store");

        CliTest.Result denials = CliTest.run("history", "--denials", "--json", "--workspace", dir.toString());
        assertThat(denials.exit()).as(denials.err()).isZero();
        assertThat(Json.mapper().readTree(denials.out()).get("denials")).isEmpty();
        CliTest.Result noModel = CliTest.run("history", "--workspace", dir.toString());
        assertThat(noModel.exit()).isEqualTo(2);
        assertThat(noModel.err()).contains("--model is required");
    }
}
