package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The demo page in a real headless Chromium (Debian's, driven by playwright-core): a click posts an event and
 * visibly re-ranks the results; the explain toggle shows the score parts. CI installs Chromium and the Node
 * module; elsewhere the test is skipped, with a message, when they are missing.
 */
class BrowserIT {

    static final Path ROOT = Path.of(System.getProperty("tests.root.dir", "."));
    static final int PORT = 8765;

    @Test
    void aClickReranksTheResults() throws Exception {
        clickTest("en", "carla clicked");
    }

    /** The same page in Chinese: the zh-items catalog, bge-small-zh-v1.5, the page's texts in Chinese. */
    @Test
    void theChinesePageReranksTooAndSpeaksChinese() throws Exception {
        clickTest("zh", "carla 点击了");
    }

    void clickTest(String lang, String status) throws Exception {
        Path browser = ROOT.resolve("integ-tests/browser");
        boolean ready = Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                && Files.isDirectory(browser.resolve("node_modules/playwright-core"));
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(ready, "CI must provide chromium and integ-tests/browser/node_modules (see .ci/run)");
        }
        Assumptions.assumeTrue(ready, "skipped: install chromium and run `npm install --prefix integ-tests/browser`");

        Rest rest = Rest.single();
        Fixtures.demoCatalog(rest, ROOT, lang);
        Process server = new ProcessBuilder(
                        "python3",
                        ROOT.resolve("demo/server.py").toString(),
                        "--port",
                        String.valueOf(PORT),
                        "--opensearch",
                        System.getProperty("tests.cluster.single", "http://127.0.0.1:9250"),
                        "--lang",
                        lang)
                .redirectErrorStream(true)
                .start();
        try {
            waitForPage();
            Path screenshot = ROOT.resolve("plugin-src/opensearch/target/demo-page-" + lang + ".png");
            Process test = new ProcessBuilder(
                            "node", "click-test.mjs", "http://127.0.0.1:" + PORT + "/", screenshot.toString(), status)
                    .directory(browser.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(test.waitFor(3, TimeUnit.MINUTES), "browser test timed out:\n" + out);
            System.out.println(out);
            assertEquals(0, test.exitValue(), out);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS); // the port is free for the next test
        }
    }

    static void waitForPage() throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                HttpURLConnection c = (HttpURLConnection)
                        URI.create("http://127.0.0.1:" + PORT + "/").toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("demo/server.py did not start");
    }
}
