package io.interestranking.opensearch.profile.access;

import org.opensearch.action.ActionType;

/**
 * Reads one user's profile: `GET users/{id}` and every profile read made for ranking (run as the caller). The security
 * plugin grants it by {@link #NAME}.
 */
public final class ProfileReadAction extends ActionType<UsersResponse> {

    public static final String NAME = "cluster:admin/interest/profile/read";
    public static final ProfileReadAction INSTANCE = new ProfileReadAction();

    private ProfileReadAction() {
        super(NAME, UsersResponse::new);
    }
}
