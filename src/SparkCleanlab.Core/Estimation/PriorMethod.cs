namespace SparkCleanlab.Core.Estimation;

/// <summary>How the prior of the true labels, p(y), is estimated (the reference's py_method).</summary>
public enum PriorMethod
{
    /// <summary><c>cnt</c>: inverse-noise diagonal over noise diagonal times p(given) (default).</summary>
    Count,

    /// <summary><c>eqn</c>: the noise matrix inverted applied to p(given); fails on a singular matrix.</summary>
    Equation,

    /// <summary><c>marginal</c>: column sums of the confident joint.</summary>
    Marginal,

    /// <summary><c>marginal_ps</c>: the inverse noise matrix applied to p(given).</summary>
    MarginalPs,
}
