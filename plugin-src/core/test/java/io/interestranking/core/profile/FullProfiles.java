package io.interestranking.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Benchmarks' profiles as large as after a long history, in the stored form, without sending that history. */
public final class FullProfiles {

    private FullProfiles() {}

    /**
     * The stored source of a profile with {@code interests} interests, a short-term and a negative part (each of
     * {@code evidence} item ids drawn from {@code itemIds}) and {@code rememberedIds} remembered event ids.
     */
    public static Map<String, Object> source(
            String user,
            String space,
            long time,
            long eventCount,
            int interests,
            int evidence,
            int rememberedIds,
            Supplier<float[]> vectors,
            Supplier<String> itemIds,
            Random random) {
        Profile p = new Profile(user, space);
        List<Interest> longTerm = new ArrayList<>();
        for (int k = 0; k < interests; k++) {
            longTerm.add(interest(time, evidence, 5, vectors, itemIds));
        }
        RecentIds ids = new RecentIds();
        for (int i = 0; i < rememberedIds; i++) {
            ids.add(random.nextLong(), rememberedIds);
        }
        p.restore(
                time,
                eventCount,
                longTerm,
                interest(time, evidence, 2, vectors, itemIds),
                interest(time, evidence, 3, vectors, itemIds),
                ids);
        p.updated(time);
        ProfileCodec.roundVectors(p);
        return ProfileCodec.toSource(p);
    }

    private static Interest interest(
            long time, int evidence, double weight, Supplier<float[]> vectors, Supplier<String> itemIds) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < evidence; i++) {
            items.add(itemIds.get());
        }
        return new Interest(vectors.get(), weight, 240, time, items, false);
    }
}
