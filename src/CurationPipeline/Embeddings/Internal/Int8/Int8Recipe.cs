namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>How a float graph becomes an int8 one: which matrix products are quantized, and how their activations are scaled.</summary>
/// <param name="Name">Names the recipe in the cache file name; change it whenever the output bytes would change.</param>
/// <param name="PerRowActivations">
/// One activation scale per token (row), from its largest magnitude, instead of one per whole tensor (ONNX Runtime's
/// <c>DynamicQuantizeMatMul</c>): a token with outliers then no longer coarsens the grid of every other token.
/// </param>
/// <param name="OutlierChannels">
/// Per product input, how many of its largest channels (found by <see cref="ActivationCalibrator"/>) bypass int8: they and
/// their weight rows are multiplied in float and added back (LLM.int8()-style decomposition). 0 for none; needs per-row activations.
/// </param>
/// <param name="KeepFloat">The roles left in float32.</param>
/// <param name="ShiftOneSided">
/// Quantize inputs that calibration finds (nearly) non-negative, such as GELU outputs, as <c>x + shift</c> on an unsigned grid (see
/// <see cref="ChannelStatistics.OneSidedShift"/>); the shift times the weights' column sums is taken out of the bias. Needs outlier channels (calibration).
/// </param>
internal sealed record Int8Recipe(string Name, bool PerRowActivations, int OutlierChannels, IReadOnlySet<MatMulRole> KeepFloat, bool ShiftOneSided = false)
{
    /// <summary>The recipe <see cref="EmbeddingPrecision.Int8"/> uses.</summary>
    public static Int8Recipe Default { get; } = new("rowwise-outliers8-shift-v2", PerRowActivations: true, OutlierChannels: 8, KeepFloat: new HashSet<MatMulRole>(), ShiftOneSided: true);
}
