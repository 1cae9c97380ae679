package io.interestranking.action.users;

import org.opensearch.action.ActionType;

/** {@code GET|PUT|DELETE /_plugins/_interest/users/{user_id}}. */
public final class UsersAction extends ActionType<UsersResponse> {

    public static final String NAME = "cluster:admin/interest/users";
    public static final UsersAction INSTANCE = new UsersAction();

    private UsersAction() {
        super(NAME, UsersResponse::new);
    }
}
