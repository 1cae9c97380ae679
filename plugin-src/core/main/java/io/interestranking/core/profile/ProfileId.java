package io.interestranking.core.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A profile is one user in one embedding space: {@code space} is the name of the model whose vectors it holds (a
 * model declares the space it shares with another, e.g. a quantized copy, in its model.json). A user with items
 * in two spaces — an English and a Chinese catalog — has two profiles, never one vector mixing both.
 */
public record ProfileId(String user, String space) implements Comparable<ProfileId> {

    /** Lucene's limit on an {@code _id}, in UTF-8 bytes. */
    static final int MAX_ID_BYTES = 512;

    /**
     * The document id: {@code <space>/<user>} (so one user's profiles sort together and users spread over the
     * shards by the hash of the id); a user id too long for that is replaced by its SHA-256, the document keeping
     * the real one in {@code user_id}.
     */
    public String docId() {
        String id = space + "/" + user;
        if (id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8));
            return space + "/#" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int compareTo(ProfileId o) {
        int c = space.compareTo(o.space);
        return c != 0 ? c : user.compareTo(o.user);
    }
}
