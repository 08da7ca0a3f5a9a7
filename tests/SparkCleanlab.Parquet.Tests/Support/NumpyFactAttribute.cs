using System.Diagnostics;

namespace SparkCleanlab.Parquet.Tests.Support;

/// <summary>A fact that runs only where <c>python3</c> can import numpy, and is skipped, saying so, elsewhere.</summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() => Numpy.Run("import numpy").Code == 0);

    public NumpyFactAttribute()
    {
        if (!Available.Value) Skip = "python3 cannot import numpy";
    }
}

/// <summary>Runs python3 scripts.</summary>
public static class Numpy
{
    public static (int Code, string Error) Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
