package io.interestranking.opensearch.profile.access;

import org.opensearch.action.ActionType;

/** Forgets a user: `DELETE users/{id}`. The security plugin grants it by {@link #NAME}. */
public final class ProfileDeleteAction extends ActionType<UsersResponse> {

    public static final String NAME = "cluster:admin/interest/profile/delete";
    public static final ProfileDeleteAction INSTANCE = new ProfileDeleteAction();

    private ProfileDeleteAction() {
        super(NAME, UsersResponse::new);
    }
}
