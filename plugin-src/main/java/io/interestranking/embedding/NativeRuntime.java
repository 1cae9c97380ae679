package io.interestranking.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The one owner of native code: configures DJL (offline, cache in a plugin-private folder), loads ONNX Runtime
 * and creates model sessions. Nothing else in the plugin touches {@code ai.onnxruntime} or DJL's globals.
 */
public final class NativeRuntime {

    private static final Logger logger = LogManager.getLogger(NativeRuntime.class);

    private final Path workDir;
    private final int intraOpThreads;
    private volatile OrtEnvironment environment;

    /**
     * @param workDir         a folder this node may write (the node's temp path): DJL's cache and natives go there
     * @param intraOpThreads  ONNX Runtime threads per call
     */
    public NativeRuntime(Path workDir, int intraOpThreads) {
        this.workDir = workDir;
        this.intraOpThreads = intraOpThreads;
    }

    private synchronized OrtEnvironment environment() {
        if (environment == null) {
            try {
                Files.createDirectories(workDir.resolve("djl"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create [" + workDir.resolve("djl") + "]", e);
            }
            // DJL reads these as system properties; without them it downloads and phones home.
            System.setProperty("ai.djl.offline", "true");
            System.setProperty("OPT_OUT_TRACKING", "true");
            System.setProperty("DJL_CACHE_DIR", workDir.resolve("djl").toString());
            System.setProperty("ENGINE_CACHE_DIR", workDir.resolve("djl").toString());
            extractOnnxRuntime(workDir.resolve("onnxruntime"));
            environment = withPluginClassLoader(OrtEnvironment::getEnvironment);
            logger.info("ONNX Runtime {} ready, native work folder [{}]", environment.getVersion(), workDir);
        }
        return environment;
    }

    /**
     * ONNX Runtime would extract its libraries into a fresh folder of java.io.tmpdir at every start; we put them
     * in our own folder and point it there.
     */
    private static void extractOnnxRuntime(Path dir) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
        String platform = (os.contains("mac") ? "osx" : os.contains("win") ? "win" : "linux") + "-"
            + (arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x64");
        try {
            Files.createDirectories(dir);
            for (String lib : new String[] { "onnxruntime", "onnxruntime4j_jni" }) {
                String file = System.mapLibraryName(lib);
                try (var in = OrtEnvironment.class.getResourceAsStream("/ai/onnxruntime/native/" + platform + "/" + file)) {
                    if (in == null) {
                        // the plugin zip keeps Linux libraries only (plugin-src/pom.xml, trim-native-jars)
                        throw new IllegalStateException("this build of the plugin carries ONNX Runtime for linux-x64 and "
                            + "linux-aarch64 only, not for [" + platform + "]");
                    }
                    Files.copy(in, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.setProperty("onnxruntime.native.path", dir.toString());
        } catch (IOException e) {
            logger.warn("cannot extract ONNX Runtime into [{}], using its default: {}", dir, e.getMessage());
        }
    }

    /** Loads one model: its tokenizer and an ONNX session. */
    public TextEmbedder load(ModelRegistry.Entry entry) {
        OrtEnvironment env = environment();
        return withPluginClassLoader(() -> {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(intraOpThreads);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                OrtSession session = env.createSession(entry.dir().resolve(ModelSpec.MODEL_FILE).toString(), options);
                try {
                    return new TextEmbedder(entry.spec(), entry.dir().resolve(ModelSpec.TOKENIZER_FILE), env, session);
                } catch (IOException | RuntimeException e) {
                    session.close();
                    throw e;
                }
            } catch (OrtException e) {
                throw new IllegalStateException("cannot load [" + entry.dir().resolve(ModelSpec.MODEL_FILE) + "]: " + e.getMessage(), e);
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
