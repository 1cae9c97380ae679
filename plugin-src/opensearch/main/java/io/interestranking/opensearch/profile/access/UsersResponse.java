package io.interestranking.opensearch.profile.access;

import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.ProfileView;
import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/** A profile view, or the outcome of a delete. Rendered on the node that received the REST call. */
public final class UsersResponse extends ActionResponse implements StatusToXContentObject {

    private final String userId;
    private final Profile profile;
    private final boolean found;
    private final boolean includeVectors;
    private final boolean deleted;
    /** Set where the response is made (rendering decays weights with them); a copy read from the wire uses defaults. */
    private final ModelParams params;

    public UsersResponse(
            String userId,
            Profile profile,
            boolean found,
            boolean includeVectors,
            boolean deleted,
            ModelParams params) {
        this.userId = userId;
        this.profile = profile;
        this.found = found;
        this.includeVectors = includeVectors;
        this.deleted = deleted;
        this.params = params;
    }

    public UsersResponse(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, "users response");
        userId = in.readString();
        profile = WireFormat.readOptionalProfile(in);
        found = in.readBoolean();
        includeVectors = in.readBoolean();
        deleted = in.readBoolean();
        params = ModelParams.defaults();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        WireFormat.write(out);
        out.writeString(userId);
        WireFormat.writeOptionalProfile(out, profile);
        out.writeBoolean(found);
        out.writeBoolean(includeVectors);
        out.writeBoolean(deleted);
    }

    /** The profile read or declared; null when there is none (or after a delete). */
    public Profile profile() {
        return profile;
    }

    @Override
    public RestStatus status() {
        return found ? RestStatus.OK : RestStatus.NOT_FOUND;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params p) throws IOException {
        if (profile != null && deleted == false) {
            builder.map(ProfileView.render(profile, includeVectors, System.currentTimeMillis(), params));
            return builder;
        }
        builder.startObject().field("user_id", userId);
        if (deleted) {
            builder.field("result", found ? "deleted" : "not_found");
        } else {
            builder.startObject("error")
                    .field("type", "resource_not_found_exception")
                    .field("reason", "no profile for user [" + userId + "]")
                    .endObject()
                    .field("status", 404);
        }
        return builder.endObject();
    }

    /**
     * Reads what {@link #toXContent} writes. A profile view comes back as the profile it shows, without what the view
     * leaves out (the remembered event ids, the write time); {@code include_vectors} is whether it shows vectors.
     */
    public static UsersResponse fromXContent(XContentParser parser) throws IOException {
        return fromMap(parser.map());
    }

    static UsersResponse fromMap(Map<String, Object> m) {
        String user = (String) m.get("user_id");
        if (m.get("result") instanceof String result) {
            return new UsersResponse(user, null, "deleted".equals(result), false, true, ModelParams.defaults());
        }
        if (m.containsKey("error")) {
            return new UsersResponse(user, null, false, false, false, ModelParams.defaults());
        }
        Profile profile = ProfileView.parse(m);
        boolean vectors =
                profile.parts().isEmpty() == false && profile.parts().get(0).vector().length > 0;
        return new UsersResponse(user, profile, true, vectors, false, ModelParams.defaults());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UsersResponse o
                && Objects.equals(userId, o.userId)
                && Objects.equals(profile, o.profile)
                && Objects.equals(found, o.found)
                && Objects.equals(includeVectors, o.includeVectors)
                && Objects.equals(deleted, o.deleted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, profile, found, includeVectors, deleted);
    }
}
