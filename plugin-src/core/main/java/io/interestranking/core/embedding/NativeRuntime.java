package io.interestranking.core.embedding;

import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The one owner of native code: loads ONNX Runtime and the Hugging Face tokenizer library and creates model
 * sessions. Nothing else in the plugin touches {@code ai.onnxruntime} or DJL's native loading.
 *
 * <p>Other plugins in the same JVM (ml-commons, neural-search) load their own copies of ONNX Runtime and of the
 * tokenizer library, in their own class loaders. A native library file can be loaded by one class loader only,
 * and both libraries find their file through JVM-wide system properties ({@code onnxruntime.native.path},
 * {@code DJL_CACHE_DIR}, {@code RUST_LIBRARY_PATH}) that every copy reads. So this class sets none of them for
 * good: ONNX Runtime extracts its libraries into a fresh temporary folder of its own (its default, deleted at
 * exit), and the tokenizer library — whose loader has no other way to be pointed at a file — is extracted into this
 * node's plugin folder and named by {@code RUST_LIBRARY_PATH} only while DJL's loader class initialises. DJL's
 * engine is never started (the plugin uses DJL's tokenizer alone), but building a tokenizer calls DJL's telemetry,
 * which connects to the EC2 metadata address (refused by OpenSearch: the call would fail) unless
 * {@code OPT_OUT_TRACKING} is set: it is set only while a tokenizer is built. Both are set under this object's lock
 * and the previous values restored at once; another copy of DJL that read them in that moment would only skip its
 * own telemetry or load its library from this plugin's file once.
 */
public final class NativeRuntime {

    private static final Logger logger = LogManager.getLogger(NativeRuntime.class);
    static final String RUST_LIBRARY_PATH = "RUST_LIBRARY_PATH";
    static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

    private final Path workDir;
    private final int intraOpThreads;
    private final int loneIntraOpThreads;
    private volatile OrtEnvironment environment;
    private boolean tokenizersLoaded;

    /**
     * @param workDir         a folder this node may write (the node's temp path): the tokenizer library goes there
     * @param intraOpThreads      ONNX Runtime threads per call
     * @param loneIntraOpThreads  threads for a lone text on an idle node (a second session); not above intraOpThreads: none
     */
    public NativeRuntime(Path workDir, int intraOpThreads, int loneIntraOpThreads) {
        this.workDir = workDir;
        this.intraOpThreads = intraOpThreads;
        this.loneIntraOpThreads = loneIntraOpThreads;
    }

    private synchronized OrtEnvironment environment() {
        if (environment == null) {
            loadTokenizers();
            environment = withPluginClassLoader(OrtEnvironment::getEnvironment);
            logger.info("ONNX Runtime {} ready, native work folder [{}]", environment.getVersion(), workDir);
        }
        return environment;
    }

    /** Loads DJL's tokenizer library from this plugin's own copy (see the class comment). */
    private void loadTokenizers() {
        if (tokenizersLoaded) {
            return;
        }
        Path library = extractTokenizers(workDir.resolve("tokenizers"));
        withProperties(Map.of(RUST_LIBRARY_PATH, library.toString(), OPT_OUT_TRACKING, "true"), () -> {
            LibUtils.checkStatus(); // its class initialisation loads the library, once per class loader
            return null;
        });
        tokenizersLoaded = true;
    }

    /** Runs {@code body} with these system properties set, in the plugin's class loader; restores them after. */
    private synchronized <T> T withProperties(Map<String, String> properties, Callable<T> body) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        try {
            return withPluginClassLoader(body);
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    private static Path extractTokenizers(Path dir) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = (os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : "win") + "-"
                + (arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x86_64");
        String file = System.mapLibraryName("tokenizers");
        try (InputStream in = LibUtils.class.getResourceAsStream("/native/lib/" + platform + "/cpu/" + file)) {
            if (in == null) {
                // the plugin zip keeps Linux libraries only (plugin-src/pom.xml, trim-native-jars)
                throw new IllegalStateException(
                        "this build of the plugin carries native libraries for linux-x86_64 and "
                                + "linux-aarch64 only, not for [" + platform + "]");
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(file);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the tokenizer library into [" + dir + "]", e);
        }
    }

    /** Loads one model: its tokenizer and an ONNX session. */
    public TextEmbedder load(ModelRegistry.Entry entry) {
        OrtEnvironment env = environment();
        OrtSession session = openSession(env, entry, intraOpThreads);
        Callable<OrtSession> lone =
                loneIntraOpThreads > intraOpThreads ? () -> openSession(env, entry, loneIntraOpThreads) : null;
        try {
            // building the tokenizer is what calls DJL's telemetry
            return withProperties(
                    Map.of(OPT_OUT_TRACKING, "true"),
                    () -> new TextEmbedder(
                            entry.spec(), entry.dir().resolve(ModelSpec.TOKENIZER_FILE), env, session, lone));
        } catch (RuntimeException e) {
            try {
                session.close();
            } catch (OrtException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private OrtSession openSession(OrtEnvironment env, ModelRegistry.Entry entry, int threads) {
        return withPluginClassLoader(() -> {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
                // ONNX Runtime's pool threads otherwise spin on their cores after each call, waiting for the next:
                // on a node they take those cores from search and indexing threads, and from another plugin's model
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                return env.createSession(
                        entry.dir().resolve(ModelSpec.MODEL_FILE).toString(), options);
            } catch (OrtException e) {
                throw new IllegalStateException(
                        "cannot load [" + entry.dir().resolve(ModelSpec.MODEL_FILE) + "]: " + e.getMessage(), e);
            }
        });
    }

    /** DJL and ORT look up resources and services through the thread's context class loader. */
    private static <T> T withPluginClassLoader(Callable<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(NativeRuntime.class.getClassLoader());
        try {
            return body.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
