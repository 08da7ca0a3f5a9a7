namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// Checks the issue options against K once it is settled, single- or multi-label: a list of per-class
/// counts of the wrong length is a usage mistake, reported under the names the user typed.
/// </summary>
internal static class OptionCheck
{
    // Core names the reference's parameters (frac_noise); the command line spells them --frac-noise.
    private static readonly string[] ParameterNames = ["frac_noise", "min_examples_per_class", "adjust_pred_probs", "num_to_remove_per_class"];

    /// <summary>Runs <paramref name="validate"/>, turning its <see cref="ArgumentException"/> into a usage error.</summary>
    /// <exception cref="UsageException">An option does not fit K.</exception>
    public static void Run(Action validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            var message = e.Message;
            foreach (var name in ParameterNames)
            {
                message = message.Replace(name, "--" + name.Replace('_', '-'), StringComparison.Ordinal);
            }

            throw new UsageException(message);
        }
    }
}
