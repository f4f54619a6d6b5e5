package io.cordee.persistence.client;

import io.cordee.core.client.Contact;
import io.cordee.persistence.common.JsonArray;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** A client's contacts are part of the client: stored whole, as one jsonb array. */
@Component
public class ContactsJson extends JsonArray<Contact> {

    public ContactsJson() {
        super(new TypeReference<List<Contact>>() {
        });
    }
}
