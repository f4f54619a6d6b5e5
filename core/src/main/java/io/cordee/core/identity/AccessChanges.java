package io.cordee.core.identity;

import io.cordee.core.agency.AgencyId;

/**
 * Port: told on this instance, right after a change to who may do what has been committed, so a cache of
 * session lookups (ADR 50) forgets what it kept. Other instances hear the same changes through PostgreSQL's
 * notifications (ADR 22); a cache's short lifetime bounds what a lost notification leaves behind.
 */
public interface AccessChanges {

    /** A session was ended (sign-out). */
    void sessionEnded(byte[] tokenHash);

    /** The user's sessions, role or activation changed. */
    void userChanged(AgencyId agencyId, UserId userId);

    /** Sessions of several users of the agency may have ended (a two-factor requirement). */
    void agencyChanged(AgencyId agencyId);

    AccessChanges NONE = new AccessChanges() {
        @Override
        public void sessionEnded(byte[] tokenHash) {
        }

        @Override
        public void userChanged(AgencyId agencyId, UserId userId) {
        }

        @Override
        public void agencyChanged(AgencyId agencyId) {
        }
    };
}
