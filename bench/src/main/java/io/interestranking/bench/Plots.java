package io.interestranking.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The reports' PNG charts, drawn by JFreeChart (headless): grouped bars and percentile curves. */
final class Plots {

    private static final int W = 900, H = 480;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728)
    };

    private Plots() {}

    /** Grouped bars: one group per label, one bar per series, each bar labelled with its value. */
    static void bars(
            String title, String yLabel, List<String> labels, List<String> series, List<double[]> values, Path out)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int i = 0; i < labels.size(); i++) {
                data.addValue(values.get(s)[i], series.get(s), labels.get(i));
            }
        }
        JFreeChart chart =
                ChartFactory.createBarChart(title, null, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        for (int s = 0; s < series.size(); s++) {
            bars.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.###")));
        bars.setDefaultItemLabelsVisible(true);
        ChartUtils.saveChartAsPNG(out.toFile(), chart, W, H);
    }

    /** Latency percentile curves: x = percentile, y = value (clipped at the largest p99 for readability). */
    static void percentiles(String title, String yLabel, Map<String, double[]> sorted, Path out) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        double max = 0;
        for (Map.Entry<String, double[]> e : sorted.entrySet()) {
            double[] v = e.getValue();
            XYSeries curve = new XYSeries(e.getKey());
            for (int i = 0; i < v.length; i++) {
                curve.add(100.0 * i / Math.max(1, v.length - 1), v[i]);
            }
            data.addSeries(curve);
            max = Math.max(max, v[(int) Math.min(v.length - 1, Math.ceil(0.99 * v.length))]);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, "percentile", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().getRangeAxis().setRange(0, max * 1.1);
        for (int s = 0; s < sorted.size(); s++) {
            chart.getXYPlot().getRenderer().setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        ChartUtils.saveChartAsPNG(out.toFile(), chart, W, H);
    }
}
