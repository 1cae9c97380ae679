package io.interestranking.core.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON a user sees of a profile: weights as stored and as decayed to now, evidence, optionally vectors. */
public final class ProfileView {

    private ProfileView() {}

    /** The view as ordered maps and lists, for an engine's JSON builder ({@link #parse} reads it back). */
    public static Map<String, Object> render(Profile p, boolean vectors, long now, ModelParams params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", p.userId());
        m.put("space", p.space());
        m.put("event_count", p.eventCount());
        m.put(
                "updated_at",
                p.clock() == Long.MIN_VALUE
                        ? null
                        : Instant.ofEpochMilli(p.clock()).toString());
        int dim = ProfileCodec.dimension(p);
        if (dim > 0) {
            m.put("dimension", dim);
        }
        long elapsed = p.clock() == Long.MIN_VALUE ? 0 : now - p.clock();
        List<Object> interests = new ArrayList<>(p.interests().size());
        for (Interest i : p.interests()) {
            interests.add(interest(i, vectors, InterestModel.decay(elapsed, params.longHalfLife())));
        }
        m.put("interests", interests);
        if (p.shortTerm() != null) {
            m.put("short_term", interest(p.shortTerm(), vectors, InterestModel.decay(elapsed, params.shortHalfLife())));
        }
        if (p.negative() != null) {
            m.put("negative", interest(p.negative(), vectors, InterestModel.decay(elapsed, params.negativeHalfLife())));
        }
        return m;
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
                view.get("updated_at") == null ? Long.MIN_VALUE : ParsedValues.epochMillis(view, "updated_at"),
                ParsedValues.longValue(view, "event_count"),
                interests,
                view.containsKey("short_term") ? interest(ParsedValues.map(view, "short_term")) : null,
                view.containsKey("negative") ? interest(ParsedValues.map(view, "negative")) : null,
                new RecentIds());
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Interest interest(Map<String, Object> m) {
        return new Interest(
                m.containsKey("vector") ? ParsedValues.floats((List<?>) m.get("vector")) : new float[0],
                ParsedValues.doubleValue(m, "weight"),
                ParsedValues.longValue(m, "count"),
                ParsedValues.epochMillis(m, "last_updated"),
                (List<String>) m.get("evidence"),
                (Boolean) m.get("declared"));
    }

    private static Map<String, Object> interest(Interest i, boolean vectors, double decayToNow) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weight", i.weight());
        m.put("weight_now", i.weight() * decayToNow);
        m.put("count", i.count());
        m.put("last_updated", Instant.ofEpochMilli(i.lastUpdated()).toString());
        m.put("declared", i.declared());
        m.put("evidence", i.evidence());
        if (vectors) {
            m.put("vector", i.vector());
        }
        return m;
    }
}
