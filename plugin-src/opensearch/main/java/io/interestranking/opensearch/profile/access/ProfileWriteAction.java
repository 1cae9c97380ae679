package io.interestranking.opensearch.profile.access;

import org.opensearch.action.ActionType;

/** Changes profiles: events and `PUT users/{id}`. The security plugin grants it by {@link #NAME}. */
public final class ProfileWriteAction extends ActionType<ProfileWriteResponse> {

    public static final String NAME = "cluster:admin/interest/profile/write";
    public static final ProfileWriteAction INSTANCE = new ProfileWriteAction();

    private ProfileWriteAction() {
        super(NAME, ProfileWriteResponse::new);
    }
}
