package io.interestranking.core.embedding;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The model folders this node knows: bundled ones first, then an operator's, which win on a name clash.
 * A bad folder is remembered with its error (so using it says why), and never stops the node.
 */
public final class ModelRegistry {

    private static final Logger logger = LogManager.getLogger(ModelRegistry.class);

    /** A model folder that was read successfully. */
    public record Entry(ModelSpec spec, Path dir) {}

    private final Map<String, Entry> models = new TreeMap<>();
    private final Map<String, String> broken = new TreeMap<>();

    public ModelRegistry(List<Path> roots) {
        for (Path root : roots) {
            scan(root);
        }
    }

    private void scan(Path root) {
        if (root == null || Files.isDirectory(root) == false) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                try {
                    ModelSpec spec = ModelSpec.read(dir);
                    models.put(name, new Entry(spec, dir));
                    broken.remove(name);
                } catch (IOException | RuntimeException e) {
                    logger.error("model folder [{}] is unusable: {}", dir, e.getMessage());
                    models.remove(name);
                    broken.put(name, e.getMessage());
                }
            }
        } catch (IOException e) {
            logger.error("cannot list model folder [{}]: {}", root, e.getMessage());
        }
    }

    /** The entry for a model name, or an IllegalArgumentException (a 400) that says what is wrong. */
    public Entry get(String name) {
        Entry entry = models.get(name);
        if (entry != null) {
            return entry;
        }
        String why = broken.get(name);
        if (why != null) {
            throw new IllegalArgumentException("model [" + name + "] is unavailable: " + why);
        }
        throw new IllegalArgumentException("unknown model [" + name + "], known models: " + models.keySet());
    }

    /**
     * The model whose space vectors of {@code dimension} are in ({@code where} names them in an error), by one rule
     * for events and searches: the {@code named} model, which must have that dimension; without one, the default
     * model if it has it, else the model of the one space of that dimension this node knows (the model named like the
     * space, or the first by name) — never a guess between two spaces. Otherwise an IllegalArgumentException (a 400)
     * naming both dimensions.
     */
    public ModelSpec forDimension(String named, String defaultModel, int dimension, String where) {
        ModelSpec model = get(named != null ? named : defaultModel).spec();
        if (model.dimension() == dimension) {
            return model;
        }
        if (named != null) {
            throw new IllegalArgumentException(
                    where + ", the space of model [" + model.name() + "] has " + model.dimension());
        }
        Map<String, ModelSpec> spaces = new TreeMap<>();
        for (Entry e : models.values()) { // by name: the first model of a space, unless one is named like it
            ModelSpec spec = e.spec();
            if (spec.dimension() == dimension
                    && (spaces.containsKey(spec.space()) == false || spec.name().equals(spec.space()))) {
                spaces.put(spec.space(), spec);
            }
        }
        if (spaces.size() == 1) {
            return spaces.values().iterator().next();
        }
        throw new IllegalArgumentException(where + ", the default model [" + model.name() + "] has "
                + model.dimension()
                + (spaces.isEmpty()
                        ? " and no model this node knows has " + dimension
                        : " and several spaces have " + dimension + " " + spaces.keySet())
                + ": name the field's model with [model]");
    }

    public Map<String, Entry> models() {
        return Collections.unmodifiableMap(models);
    }

    public Map<String, String> broken() {
        return Collections.unmodifiableMap(broken);
    }
}
