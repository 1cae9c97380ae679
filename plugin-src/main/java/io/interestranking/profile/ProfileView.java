package io.interestranking.profile;

import java.io.IOException;
import java.time.Instant;
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
