using System.Diagnostics;

namespace SparkCleanlab.SparkPlan.Tests.Submit;

/// <summary>The outcome of one run of submit.sh.</summary>
public sealed record SubmitRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The printed commands, one list of words per line of standard output.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Commands =>
        StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ShellWords.Split).ToList();

    /// <summary>The last printed command: the one that runs the job.</summary>
    public IReadOnlyList<string> FinalCommand => Commands[^1];

    /// <summary>Runs submit.sh with <paramref name="arguments"/> in a controlled environment.</summary>
    /// <param name="arguments">The command line after <c>submit.sh</c>.</param>
    /// <param name="environment">Variables to set (a null value removes the variable).</param>
    /// <param name="workingDirectory">Where to start it; the repository root when null.</param>
    public static SubmitRun Start(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryLayout.Root,
        };
        start.ArgumentList.Add(RepositoryLayout.SubmitScript);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Runs must not depend on the machine: no Spark, no user-set jar or assembly.
        start.Environment.Remove("SPARK_HOME");
        start.Environment.Remove("SPARKCLEANLAB_SPARK_JAR");
        start.Environment.Remove("MICROSOFT_SPARK_ASSEMBLY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new SubmitRun(process.ExitCode, output.Result, error.Result);
    }
}
