package io.cordee.core.client;

import io.cordee.core.agency.Segment;
import java.util.List;

/**
 * The editable fields of a client, as given by the user. On create, null means "default"; on
 * update, null means "leave as it is" ({@code contacts} and {@code funding} replace the whole value
 * when given).
 */
public record ClientDraft(String name, Segment segment, Integer paymentTermsDays, List<Contact> contacts,
                          FundingProfile funding) {
}
