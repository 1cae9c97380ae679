package io.interestranking.bench;

import javax.imageio.ImageIO;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Minimal PNG charts for the reports (Java2D, headless): grouped bars and percentile curves. */
final class Plots {

    private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728) };
    private static final int W = 900, H = 480, LEFT = 80, RIGHT = 30, TOP = 50, BOTTOM = 110;

    private Plots() {}

    private static Graphics2D canvas(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static void axes(Graphics2D g, double max, String yLabel) {
        int plotH = H - TOP - BOTTOM;
        g.setColor(Color.LIGHT_GRAY);
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotH - plotH * i / 5;
            g.drawLine(LEFT, y, W - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, max * i / 5 >= 100 ? "%.0f" : "%.2f", max * i / 5), 10, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
        g.drawLine(LEFT, TOP + plotH, W - RIGHT, TOP + plotH);
        g.drawString(yLabel, LEFT, TOP - 8);
    }

    /** Grouped bars: one group per label, one bar per series. */
    static void bars(String title, String yLabel, List<String> labels, List<String> series, List<double[]> values, Path out) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        double max = 0;
        for (double[] v : values) {
            for (double x : v) {
                max = Math.max(max, x);
            }
        }
        max *= 1.1;
        axes(g, max, yLabel);
        int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        int group = plotW / labels.size();
        int bar = Math.max(4, (group - 16) / series.size());
        for (int i = 0; i < labels.size(); i++) {
            for (int s = 0; s < series.size(); s++) {
                double v = values.get(s)[i];
                int h = (int) (plotH * v / max);
                int x = LEFT + i * group + 8 + s * bar;
                g.setColor(PALETTE[s % PALETTE.length]);
                g.fillRect(x, TOP + plotH - h, bar - 2, h);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3f", v), x, TOP + plotH - h - 3);
            }
            g.setColor(Color.BLACK);
            drawWrapped(g, labels.get(i), LEFT + i * group + 4, TOP + plotH + 16, group - 8);
        }
        legend(g, series);
        ImageIO.write(img, "png", out.toFile());
    }

    /** Latency percentile curves: x = percentile, y = value (clipped at the largest p99 for readability). */
    static void percentiles(String title, String yLabel, Map<String, double[]> sorted, Path out) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        double max = 0;
        for (double[] v : sorted.values()) {
            max = Math.max(max, v[(int) Math.min(v.length - 1, Math.ceil(0.99 * v.length))]);
        }
        max *= 1.1;
        axes(g, max, yLabel);
        int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        g.setColor(Color.DARK_GRAY);
        for (int p = 0; p <= 100; p += 10) {
            g.drawString(p + "%", LEFT + plotW * p / 100 - 8, TOP + plotH + 16);
        }
        g.drawString("percentile", LEFT + plotW / 2 - 30, TOP + plotH + 34);
        int s = 0;
        for (double[] v : sorted.values()) {
            g.setColor(PALETTE[s++ % PALETTE.length]);
            g.setStroke(new BasicStroke(2f));
            int px = -1, py = -1;
            for (int i = 0; i < v.length; i++) {
                int x = LEFT + (int) ((double) plotW * i / Math.max(1, v.length - 1));
                int y = TOP + plotH - (int) (plotH * Math.min(v[i], max) / max);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
        }
        legend(g, List.copyOf(sorted.keySet()));
        ImageIO.write(img, "png", out.toFile());
    }

    private static void legend(Graphics2D g, List<String> series) {
        int y = H - 40;
        int x = LEFT;
        for (int s = 0; s < series.size(); s++) {
            g.setColor(PALETTE[s % PALETTE.length]);
            g.fillRect(x, y - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s), x + 16, y);
            x += 24 + g.getFontMetrics().stringWidth(series.get(s));
        }
    }

    private static void drawWrapped(Graphics2D g, String text, int x, int y, int width) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && g.getFontMetrics().stringWidth(line + " " + word) > width) {
                g.drawString(line.toString(), x, y);
                y += 14;
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        g.drawString(line.toString(), x, y);
    }
}
