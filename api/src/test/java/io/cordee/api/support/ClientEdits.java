package io.cordee.api.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A client changed through the API at its current version, as a user does after reading it. */
public final class ClientEdits {

    private ClientEdits() {
    }

    /** Reads {@code client}'s version as {@code reader}, then sets {@code fields} as {@code as}: no user error. */
    public static void update(HttpGraphQlTester reader, String client, Map<String, Object> fields,
                              HttpGraphQlTester as) {
        long version = reader.document("query($id: ID!) { client(id: $id) { version } }").variable("id", client)
                .execute().path("client.version").entity(Long.class).get();
        Map<String, Object> input = new HashMap<>(fields);
        input.put("id", client);
        input.put("version", version);
        as.document("mutation($in: UpdateClientInput!) { updateClient(input: $in) { userErrors { code } } }")
                .variable("in", input).execute().path("updateClient.userErrors").entityList(Object.class).hasSize(0);
    }
}
