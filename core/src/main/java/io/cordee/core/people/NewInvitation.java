package io.cordee.core.people;

/** An invitation just issued or re-sent: its link (with the only copy of its token) and whether it was mailed. */
public record NewInvitation(Invitation invitation, String link, boolean mailed) {

    @Override
    public String toString() {
        return "NewInvitation[" + invitation.id() + ", mailed=" + mailed + "]";
    }
}
