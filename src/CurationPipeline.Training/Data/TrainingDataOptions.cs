namespace CurationPipeline.Training.Data;

/// <summary>Where the tokenized shards for training and validation are.</summary>
/// <remarks>
/// Defaults: no <see cref="ValidationPattern"/>, <see cref="ValidationFraction"/> 0.02. Without a validation pattern, a
/// document goes to validation when the XxHash64 of its id falls in the lowest <see cref="ValidationFraction"/> of the hash
/// range: the split is fixed for every run over the same data, whatever the shard count or order.
/// </remarks>
public sealed record TrainingDataOptions
{
    /// <summary>The training shards: a file, a directory or a glob (see <c>IStorage.List</c>).</summary>
    public required string TrainPattern { get; init; }

    /// <summary>Separate validation shards; when set, nothing is held out of <see cref="TrainPattern"/>.</summary>
    public string? ValidationPattern { get; init; }

    /// <summary>The fraction of training documents held out for validation when <see cref="ValidationPattern"/> is not set.</summary>
    public double ValidationFraction { get; init; } = 0.02;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the property.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(TrainPattern))
        {
            throw new ArgumentOutOfRangeException(nameof(TrainPattern), TrainPattern, "A training shard pattern is required.");
        }

        if (ValidationFraction is < 0 or >= 1 || double.IsNaN(ValidationFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "Must be in [0, 1).");
        }
    }
}
