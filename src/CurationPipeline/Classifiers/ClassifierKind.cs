namespace CurationPipeline.Classifiers;

/// <summary>What a classifier predicts, which fixes its output function and training loss.</summary>
public enum ClassifierKind
{
    /// <summary>Two labels; one logit, sigmoid, log loss. The score is the probability of the positive label.</summary>
    Binary = 0,

    /// <summary>Three or more labels; one logit per label, softmax, cross-entropy. The score is one minus the probability of the negative label.</summary>
    Multiclass = 1,

    /// <summary>A number (FineWeb-Edu's 0–5); one output, identity, squared error. The score is the predicted value.</summary>
    Regression = 2,
}
