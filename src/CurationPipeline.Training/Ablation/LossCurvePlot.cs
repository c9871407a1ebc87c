using System.Globalization;
using System.Security;
using System.Text;
using CurationPipeline.Training.Loop;

namespace CurationPipeline.Training.Ablation;

/// <summary>Draws the ablation's loss curves as a standalone SVG: per run, the training loss (solid polyline) and the validation
/// loss (dashed polyline with markers), and per mix the unigram baseline (dotted line), against training tokens seen; one colour
/// per mix (its seeds share it), with axes, ticks, grid and a legend. Non-finite losses are left out.</summary>
public static class LossCurvePlot
{
    private const int Width = 1020;
    private const int Height = 540;
    private const int Left = 72;
    private const int Right = 320;
    private const int Top = 40;
    private const int Bottom = 56;
    private const int PlotWidth = Width - Left - Right;
    private const int PlotHeight = Height - Top - Bottom;

    private static readonly string[] s_colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>The SVG document (UTF-8 text, <c>image/svg+xml</c>).</summary>
    /// <param name="result">The finished ablation.</param>
    public static string Render(AblationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (xMax, yMin, yMax) = Ranges(result);
        var svg = new StringBuilder();
        svg.AppendLine(s_invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine(s_invariant, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        svg.AppendLine(s_invariant, $"<text x=\"{Left + PlotWidth / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape($"Mix ablation: {result.Preset}, seeds {string.Join(", ", result.Seeds)}, {result.Steps} steps × {result.BatchTokens} tokens")}</text>");
        Axes(svg, xMax, yMin, yMax);
        List<string> mixes = Mixes(result);
        foreach (AblationRun run in result.Runs)
        {
            string color = s_colors[mixes.IndexOf(run.Mix) % s_colors.Length];
            Series(svg, TrainingPoints(run), xMax, yMin, yMax, color, "1.5", dash: null, markers: false);
            Series(svg, ValidationPoints(run, result.BatchTokens), xMax, yMin, yMax, color, "2", dash: "6 4", markers: true);
            if (run.Seed == result.Seeds[0] && double.IsFinite(run.UnigramLoss))
            {
                double y = Y(run.UnigramLoss, yMin, yMax);
                svg.AppendLine(s_invariant, $"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Left + PlotWidth}\" y2=\"{y:F1}\" stroke=\"{color}\" stroke-width=\"1\" stroke-dasharray=\"1 3\"/>");
            }
        }

        Legend(svg, mixes);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static (double XMax, double YMin, double YMax) Ranges(AblationResult result)
    {
        double xMax = (double)result.Steps * result.BatchTokens;
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        foreach (AblationRun run in result.Runs)
        {
            foreach (var (x, y) in TrainingPoints(run).Concat(ValidationPoints(run, result.BatchTokens)))
            {
                xMax = Math.Max(xMax, x);
                yMin = Math.Min(yMin, y);
                yMax = Math.Max(yMax, y);
            }

            if (double.IsFinite(run.UnigramLoss))
            {
                yMin = Math.Min(yMin, run.UnigramLoss);
                yMax = Math.Max(yMax, run.UnigramLoss);
            }
        }

        if (!double.IsFinite(yMin))
        {
            (yMin, yMax) = (0, 1);
        }

        double pad = Math.Max((yMax - yMin) * 0.05, 0.05);
        return (Math.Max(xMax, 1), Math.Max(0, yMin - pad), yMax + pad);
    }

    private static IEnumerable<(double X, double Y)> TrainingPoints(AblationRun run)
    {
        foreach (StepMetrics step in run.Training.Steps)
        {
            if (double.IsFinite(step.Loss))
            {
                yield return (step.TokensSeen, step.Loss);
            }
        }
    }

    /// <summary>Validation points at the tokens seen after their step (steps are fixed-size in an ablation).</summary>
    private static IEnumerable<(double X, double Y)> ValidationPoints(AblationRun run, int batchTokens)
    {
        foreach (EvaluationResult evaluation in run.Training.Evaluations)
        {
            if (double.IsFinite(evaluation.Loss))
            {
                yield return ((double)evaluation.Step * batchTokens, evaluation.Loss);
            }
        }
    }

    private static void Axes(StringBuilder svg, double xMax, double yMin, double yMax)
    {
        foreach (double tick in Ticks(0, xMax))
        {
            double x = X(tick, xMax);
            svg.AppendLine(s_invariant, $"<line x1=\"{x:F1}\" y1=\"{Top}\" x2=\"{x:F1}\" y2=\"{Top + PlotHeight}\" stroke=\"#e5e5e5\"/>");
            svg.AppendLine(s_invariant, $"<text x=\"{x:F1}\" y=\"{Top + PlotHeight + 18}\" text-anchor=\"middle\">{FormatTokens(tick)}</text>");
        }

        foreach (double tick in Ticks(yMin, yMax))
        {
            double y = Y(tick, yMin, yMax);
            svg.AppendLine(s_invariant, $"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Left + PlotWidth}\" y2=\"{y:F1}\" stroke=\"#e5e5e5\"/>");
            svg.AppendLine(s_invariant, $"<text x=\"{Left - 8}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{tick.ToString("0.##", s_invariant)}</text>");
        }

        svg.AppendLine(s_invariant, $"<line x1=\"{Left}\" y1=\"{Top + PlotHeight}\" x2=\"{Left + PlotWidth}\" y2=\"{Top + PlotHeight}\" stroke=\"black\"/>");
        svg.AppendLine(s_invariant, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + PlotHeight}\" stroke=\"black\"/>");
        svg.AppendLine(s_invariant, $"<text x=\"{Left + PlotWidth / 2}\" y=\"{Height - 14}\" text-anchor=\"middle\">training tokens seen</text>");
        svg.AppendLine(s_invariant, $"<text x=\"18\" y=\"{Top + PlotHeight / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {Top + PlotHeight / 2})\">loss (nats/token)</text>");
    }

    private static void Series(StringBuilder svg, IEnumerable<(double X, double Y)> points, double xMax, double yMin, double yMax,
        string color, string width, string? dash, bool markers)
    {
        var coordinates = new StringBuilder();
        var circles = new StringBuilder();
        foreach (var (x, y) in points)
        {
            double px = X(x, xMax), py = Y(y, yMin, yMax);
            coordinates.Append(s_invariant, $"{px:F1},{py:F1} ");
            if (markers)
            {
                circles.AppendLine(s_invariant, $"<circle cx=\"{px:F1}\" cy=\"{py:F1}\" r=\"3\" fill=\"{color}\"/>");
            }
        }

        if (coordinates.Length == 0)
        {
            return;
        }

        string dashAttribute = dash is null ? "" : $" stroke-dasharray=\"{dash}\"";
        svg.AppendLine(s_invariant, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\"{dashAttribute} points=\"{coordinates.ToString().TrimEnd()}\"/>");
        svg.Append(circles);
    }

    private static List<string> Mixes(AblationResult result)
    {
        var mixes = new List<string>();
        foreach (AblationRun run in result.Runs)
        {
            if (!mixes.Contains(run.Mix))
            {
                mixes.Add(run.Mix);
            }
        }

        return mixes;
    }

    private static void Legend(StringBuilder svg, List<string> mixes)
    {
        int x = Left + PlotWidth + 16;
        int y = Top + 8;
        for (int m = 0; m < mixes.Count; m++)
        {
            string color = s_colors[m % s_colors.Length];
            string mix = mixes[m];
            LegendEntry(svg, x, y, color, "1.5", null, $"{mix} train");
            LegendEntry(svg, x, y + 18, color, "2", "6 4", $"{mix} validation");
            LegendEntry(svg, x, y + 36, color, "1", "1 3", $"{mix} unigram baseline");
            y += 62;
        }
    }

    private static void LegendEntry(StringBuilder svg, int x, int y, string color, string width, string? dash, string label)
    {
        string dashAttribute = dash is null ? "" : $" stroke-dasharray=\"{dash}\"";
        svg.AppendLine(s_invariant, $"<line x1=\"{x}\" y1=\"{y}\" x2=\"{x + 28}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"{width}\"{dashAttribute}/>");
        svg.AppendLine(s_invariant, $"<text x=\"{x + 36}\" y=\"{y + 4}\">{Escape(label)}</text>");
    }

    /// <summary>About five round tick values within [<paramref name="min"/>, <paramref name="max"/>] (steps of 1, 2 or 5 × 10^k).</summary>
    internal static IReadOnlyList<double> Ticks(double min, double max)
    {
        double raw = (max - min) / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = (raw / magnitude) switch { < 1.5 => magnitude, < 3.5 => 2 * magnitude, < 7.5 => 5 * magnitude, _ => 10 * magnitude };
        var ticks = new List<double>();
        for (double tick = Math.Ceiling(min / step) * step; tick <= max + step * 1e-9; tick += step)
        {
            ticks.Add(Math.Round(tick / step) * step);
        }

        return ticks;
    }

    private static double X(double tokens, double xMax) => Left + tokens / xMax * PlotWidth;

    private static double Y(double loss, double yMin, double yMax) => Top + (yMax - loss) / (yMax - yMin) * PlotHeight;

    private static string FormatTokens(double tokens) => tokens switch
    {
        >= 1e9 => (tokens / 1e9).ToString("0.##", s_invariant) + "B",
        >= 1e6 => (tokens / 1e6).ToString("0.##", s_invariant) + "M",
        >= 1e3 => (tokens / 1e3).ToString("0.##", s_invariant) + "k",
        _ => tokens.ToString("0", s_invariant),
    };

    private static string Escape(string text) => SecurityElement.Escape(text);
}
