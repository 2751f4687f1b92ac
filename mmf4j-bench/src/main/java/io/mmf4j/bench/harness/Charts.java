package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Bar charts of one comparison: each contestant, and the C floor when it is in the same unit. Headless. */
final class Charts {
    private Charts() {}

    /** Writes {@code file} (PNG) with one bar per name; a logarithmic axis when the values span 100×. */
    static void bars(Path file, String title, String unit, List<String> names, List<Double> values) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(420).title(title).yAxisTitle(unit).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsPosition(0.9);
        chart.getStyler().setDecimalPattern("#,##0.##"); // plain numbers on bars and axis, never 9E3
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (min > 0 && max / min >= 100) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min)))); // bars start at 0 otherwise
        }
        chart.addSeries(unit, names, values);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    static String fileName(String title) {
        return title.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "") + ".png";
    }
}
