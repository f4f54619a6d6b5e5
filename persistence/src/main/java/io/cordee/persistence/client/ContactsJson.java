package io.cordee.persistence.client;

import io.cordee.core.client.Contact;
import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A client's contacts are part of the client: stored whole, as one jsonb array. */
@Component
public class ContactsJson {

    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };
    private final JsonMapper json = JsonMapper.builder().build();

    public Json toJson(List<Contact> contacts) {
        return Json.of(json.writeValueAsString(contacts));
    }

    public List<Contact> toContacts(Json contacts) {
        return contacts == null ? List.of() : json.readValue(contacts.asString(), CONTACTS);
    }
}
