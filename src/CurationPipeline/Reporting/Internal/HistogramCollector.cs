using CurationPipeline.Documents;
using CurationPipeline.Mixing;

namespace CurationPipeline.Reporting.Internal;

/// <summary>
/// Collects every numeric annotated column into a histogram: exact minimum, maximum and NaN count, and bin counts from a seeded
/// reservoir of <see cref="ReservoirSize"/> values per column (exact below that, scaled to the column's count above it).
/// </summary>
internal sealed class HistogramCollector(IReadOnlyList<MixCondition> rules, IReadOnlyList<(string Column, double Value)> filterThresholds)
{
    public const int Bins = 30;
    private const int ReservoirSize = 100_000;

    private readonly Dictionary<string, Column> _columns = new(StringComparer.Ordinal);
    private readonly Random _random = new(17);

    public void Add(SignalSet signals)
    {
        int number = 0;
        foreach ((string name, SignalKind kind) in signals.Schema.Columns)
        {
            if (kind != SignalKind.Number)
            {
                continue;
            }

            if (!_columns.TryGetValue(name, out Column? column))
            {
                column = new Column();
                _columns[name] = column;
            }

            column.Add(signals.Numbers[number++], _random);
        }
    }

    public IReadOnlyList<SignalHistogram> Build() =>
        [.. _columns.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.ToHistogram(c.Key, ThresholdsOf(c.Key)))];

    private double[] ThresholdsOf(string column) =>
        [.. rules.Where(r => r.Column == column).SelectMany(r => (double?[])[r.AtLeast, r.Below]).OfType<double>()
            .Concat(filterThresholds.Where(t => t.Column == column).Select(t => t.Value)).Distinct().Order()];

    private sealed class Column
    {
        private readonly List<double> _sample = [];
        private long _count;
        private long _missing;
        private double _minimum = double.PositiveInfinity;
        private double _maximum = double.NegativeInfinity;

        public void Add(double value, Random random)
        {
            if (double.IsNaN(value))
            {
                _missing++;
                return;
            }

            _count++;
            _minimum = Math.Min(_minimum, value);
            _maximum = Math.Max(_maximum, value);
            if (_sample.Count < ReservoirSize)
            {
                _sample.Add(value);
            }
            else if (random.NextInt64(_count) is var slot && slot < ReservoirSize)
            {
                _sample[(int)slot] = value;
            }
        }

        public SignalHistogram ToHistogram(string name, double[] thresholds)
        {
            var counts = new long[_count == 0 ? 0 : Bins];
            double width = (_maximum - _minimum) / Bins;
            foreach (double value in _sample)
            {
                int bin = width > 0 ? Math.Min(Bins - 1, (int)((value - _minimum) / width)) : 0;
                counts[bin]++;
            }

            if (_sample.Count > 0 && _sample.Count < _count)
            {
                double scale = (double)_count / _sample.Count;
                for (int i = 0; i < counts.Length; i++)
                {
                    counts[i] = (long)Math.Round(counts[i] * scale);
                }
            }

            return new SignalHistogram(name, _count == 0 ? 0 : _minimum, _count == 0 ? 0 : _maximum, counts, _missing, thresholds);
        }
    }
}
