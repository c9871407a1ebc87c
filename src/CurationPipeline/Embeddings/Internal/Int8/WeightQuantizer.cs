namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>Symmetric int8 quantization of a <c>[in, out]</c> weight matrix with one scale per output column.</summary>
internal static class WeightQuantizer
{
    /// <summary>Quantizes row-major <paramref name="weights"/> (<paramref name="rows"/> × <paramref name="columns"/>).</summary>
    /// <returns>The int8 values (same layout, in [-127, 127]) and one scale per column, so <c>w ≈ q × scale[column]</c>.</returns>
    public static (sbyte[] Values, float[] Scales) PerColumn(ReadOnlySpan<float> weights, int rows, int columns)
    {
        if (weights.Length != rows * columns)
        {
            throw new ArgumentException($"Expected {rows}×{columns} weights, got {weights.Length}.", nameof(weights));
        }

        var scales = new float[columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                scales[c] = Math.Max(scales[c], Math.Abs(weights[r * columns + c]));
            }
        }

        for (int c = 0; c < columns; c++)
        {
            // A column of zeros keeps scale 1 so dequantization never divides by zero; its values quantize to 0 anyway.
            scales[c] = scales[c] > 0f ? scales[c] / 127f : 1f;
        }

        var values = new sbyte[weights.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                float q = MathF.Round(weights[r * columns + c] / scales[c], MidpointRounding.ToEven);
                values[r * columns + c] = (sbyte)Math.Clamp(q, -127f, 127f);
            }
        }

        return (values, scales);
    }
}
