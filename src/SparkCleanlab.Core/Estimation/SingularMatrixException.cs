namespace SparkCleanlab.Core.Estimation;

/// <summary>
/// The noise matrix cannot be inverted, so the prior method <c>eqn</c> has no answer (the
/// reference fails with numpy's "Singular matrix" error). This happens when a class never
/// appears as a given label; use the prior method <c>cnt</c> instead.
/// </summary>
public sealed class SingularMatrixException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SingularMatrixException(string message)
        : base(message)
    {
    }
}
