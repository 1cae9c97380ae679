package io.interestranking.profile;

import io.interestranking.common.XContentValues;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.core.xcontent.XContentBuilder;

/** The JSON a user sees of a profile: weights as stored and as decayed to now, evidence, optionally vectors. */
public final class ProfileView {

    private ProfileView() {}

    public static void render(XContentBuilder b, Profile p, boolean vectors, long now, ModelParams params)
            throws IOException {
        b.startObject();
        b.field("user_id", p.userId());
        b.field("space", p.space());
        b.field("event_count", p.eventCount());
        b.field(
                "updated_at",
                p.clock() == Long.MIN_VALUE
                        ? null
                        : Instant.ofEpochMilli(p.clock()).toString());
        int dim = ProfileCodec.dimension(p);
        if (dim > 0) {
            b.field("dimension", dim);
        }
        long elapsed = p.clock() == Long.MIN_VALUE ? 0 : now - p.clock();
        b.startArray("interests");
        for (Interest i : p.interests()) {
            interest(b, i, vectors, InterestModel.decay(elapsed, params.longHalfLife()));
        }
        b.endArray();
        if (p.shortTerm() != null) {
            b.field("short_term");
            interest(b, p.shortTerm(), vectors, InterestModel.decay(elapsed, params.shortHalfLife()));
        }
        if (p.negative() != null) {
            b.field("negative");
            interest(b, p.negative(), vectors, InterestModel.decay(elapsed, params.negativeHalfLife()));
        }
        b.endObject();
    }

    /**
     * The profile a view shows, read back: everything but the remembered event ids and the write time, which the view
     * leaves out; an interest shown without its vector gets an empty one.
     */
    @SuppressWarnings("unchecked")
    public static Profile parse(Map<String, Object> view) {
        Profile p = new Profile((String) view.get("user_id"), (String) view.get("space"));
        List<Interest> interests = new ArrayList<>();
        for (Object i : (List<Object>) view.get("interests")) {
            interests.add(interest((Map<String, Object>) i));
        }
        p.restore(
                view.get("updated_at") == null ? Long.MIN_VALUE : XContentValues.epochMillis(view, "updated_at"),
                XContentValues.longValue(view, "event_count"),
                interests,
                view.containsKey("short_term") ? interest(XContentValues.map(view, "short_term")) : null,
                view.containsKey("negative") ? interest(XContentValues.map(view, "negative")) : null,
                new RecentIds());
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Interest interest(Map<String, Object> m) {
        return new Interest(
                m.containsKey("vector") ? XContentValues.floats((List<?>) m.get("vector")) : new float[0],
                XContentValues.doubleValue(m, "weight"),
                XContentValues.longValue(m, "count"),
                XContentValues.epochMillis(m, "last_updated"),
                (List<String>) m.get("evidence"),
                (Boolean) m.get("declared"));
    }

    private static void interest(XContentBuilder b, Interest i, boolean vectors, double decayToNow) throws IOException {
        b.startObject();
        b.field("weight", i.weight());
        b.field("weight_now", i.weight() * decayToNow);
        b.field("count", i.count());
        b.field("last_updated", Instant.ofEpochMilli(i.lastUpdated()).toString());
        b.field("declared", i.declared());
        b.field("evidence", i.evidence());
        if (vectors) {
            b.array("vector", i.vector());
        }
        b.endObject();
    }
}
