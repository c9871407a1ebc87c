namespace CurationPipeline.Classifiers;

/// <summary>How an ONNX sequence classifier's logits become a score.</summary>
public enum OnnxOutputKind
{
    /// <summary>The logit at <see cref="OnnxClassifierOptions.LabelIndex"/> itself (FineWeb-Edu's classifier: one regression logit).</summary>
    Regression = 0,

    /// <summary>The sigmoid of the logit at <see cref="OnnxClassifierOptions.LabelIndex"/> (multi-label heads such as toxicity models).</summary>
    Sigmoid = 1,

    /// <summary>The softmax probability of <see cref="OnnxClassifierOptions.LabelIndex"/> over all logits (single-label heads).</summary>
    Softmax = 2,
}
